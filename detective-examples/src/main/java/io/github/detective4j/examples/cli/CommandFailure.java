package io.github.detective4j.examples.cli;

/**
 * Why a command could not answer, in one sentence for the user: a missing path, input that could not be read, an
 * entity the logs do not hold. Printed as it is, without a stack trace (see {@link OneLineErrors}).
 */
final class CommandFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CommandFailure(String reason) {
        super(reason);
    }
}
