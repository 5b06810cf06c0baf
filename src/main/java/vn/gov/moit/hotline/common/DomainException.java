package vn.gov.moit.hotline.common;

/**
 * A refusal in the domain's own words. It knows nothing of HTTP: {@link ProblemMapper} is the one place
 * that turns each kind into a status code.
 */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message);
    }

    /** Machine-readable slug of the problem type, e.g. {@code illegal-transition}. */
    public abstract String type();

    /** Something the caller asked for does not exist, or is not theirs to see. */
    public static class NotFound extends DomainException {
        public NotFound(String what, Object id) {
            super(what + " " + id + " was not found");
        }

        @Override
        public String type() {
            return "not-found";
        }
    }

    /** The request conflicts with the current state: an illegal transition, a duplicate. */
    public static class Conflict extends DomainException {
        private final String type;

        public Conflict(String type, String message) {
            super(message);
            this.type = type;
        }

        @Override
        public String type() {
            return type;
        }
    }

    /** The client worked on an old copy: its version is not the current one. */
    public static class StaleVersion extends Conflict {
        public StaleVersion(String what, long expected, long actual) {
            super("stale-version", what + " has changed since you read it (your version " + expected
                    + ", current " + actual + "); reload and try again");
        }
    }

    /** One input field is unacceptable, for a reason Bean Validation cannot see (unknown code, bad order). */
    public static class InvalidInput extends DomainException {
        private final String field;

        public InvalidInput(String field, String reason) {
            super(reason);
            this.field = field;
        }

        public String field() {
            return field;
        }

        @Override
        public String type() {
            return "invalid-input";
        }
    }

    /** The user is known but may not do this. */
    public static class NotAllowed extends DomainException {
        public NotAllowed(String message) {
            super(message);
        }

        @Override
        public String type() {
            return "forbidden";
        }
    }
}
