package dev.hsig;

/**
 * A user-supplied value that hsig cannot accept. The message is one line that names the bad value and says
 * what is allowed; the command line prints it as {@code hsig: error: MESSAGE} and exits with status 2, and the
 * library API throws it as the {@link IllegalArgumentException} it is.
 */
public final class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line naming the bad value and what is allowed
     */
    public InvalidInputException(String message) {
        super(message);
    }
}
