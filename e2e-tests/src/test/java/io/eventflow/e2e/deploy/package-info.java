/**
 * Deploy checks: the Helm chart rendered with a real helm and parsed into the typed Kubernetes model, the restricted
 * Pod Security Standard, the services' configuration keys scanned from their sources, docker-compose.yml, the topics
 * script against a real broker and the documented database owner role against a real PostgreSQL.
 */
package io.eventflow.e2e.deploy;
