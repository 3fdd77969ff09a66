package io.eventflow.publisher;

import io.eventflow.testing.HexagonContract;

/** This module keeps the hexagon: see {@link HexagonContract}. */
class HexagonTest extends HexagonContract {

    HexagonTest() {
        super("io.eventflow.publisher");
    }
}
