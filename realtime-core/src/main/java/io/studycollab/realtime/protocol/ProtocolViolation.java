package io.studycollab.realtime.protocol;

/** A payload the protocol refuses, with the error code the server answers it with. */
public final class ProtocolViolation extends RuntimeException {

    private final String code;

    public ProtocolViolation(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public static ProtocolViolation invalid(String message) {
        return new ProtocolViolation(ErrorCodes.INVALID_PAYLOAD, message);
    }

    public String code() {
        return code;
    }
}
