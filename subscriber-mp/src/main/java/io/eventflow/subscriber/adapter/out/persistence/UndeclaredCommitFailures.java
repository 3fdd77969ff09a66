package io.eventflow.subscriber.adapter.out.persistence;

import java.io.Serializable;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionalException;

/**
 * Makes a failed commit an unchecked exception. When the commit of a {@code @Transactional} method fails (the database
 * went away between its last statement and its commit, a synchronization refused it), Narayana's interceptor throws
 * JTA's checked {@code RollbackException} or a heuristic exception, which the method's signature does not declare:
 * a caller's {@code catch (RuntimeException)} lets it pass, and a chaos run found that killing the consumer thread.
 * This interceptor sits just outside Narayana's (whose priority is {@code PLATFORM_BEFORE + 200}) and rethrows any
 * checked exception the method does not declare as a {@link TransactionalException} with it as the cause, so every
 * caller's failure handling sees it. Bound to the two transaction types that commit what they start.
 */
@Transactional
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 199)
class UndeclaredCommitFailures implements Serializable {

    private static final long serialVersionUID = 1L;

    @AroundInvoke
    Object rethrowUnchecked(InvocationContext invocation) throws Exception {
        try {
            return invocation.proceed();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            for (Class<?> declared : invocation.getMethod().getExceptionTypes()) {
                if (declared.isInstance(e)) {
                    throw e;
                }
            }
            throw new TransactionalException("The transaction of " + invocation.getMethod().getDeclaringClass()
                    .getSimpleName() + "." + invocation.getMethod().getName() + " did not commit: " + e, e);
        }
    }

    /** The same for {@code @Transactional(REQUIRES_NEW)}: the transaction type is part of the binding. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @Interceptor
    @Priority(Interceptor.Priority.PLATFORM_BEFORE + 199)
    static class RequiresNew extends UndeclaredCommitFailures {

        private static final long serialVersionUID = 1L;
    }
}
