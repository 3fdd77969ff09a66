package io.eventflow.testing;

/**
 * Throws a checked exception from code that declares none, as an intercepted bean can: a {@code @Transactional}
 * method whose commit fails throws JTA's checked {@code RollbackException} through a signature without it.
 */
public final class Undeclared {

    private Undeclared() {
    }

    /** Throws {@code exception} as it is; the return type lets a caller write {@code throw Undeclared.raise(...)}. */
    public static RuntimeException raise(Exception exception) {
        return Undeclared.<RuntimeException>raiseAs(exception);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Exception> E raiseAs(Exception exception) throws E {
        throw (E) exception;
    }
}
