package io.tradepilot.audit;

/**
 * The audit store cannot take a record that must be written before a change is made ({@link AuditLog#begin}):
 * the caller must not make the change, and answers "unavailable". The refused attempt itself is already recorded
 * (through the local spool); the caller records nothing more for it.
 */
public class AuditUnavailableException extends RuntimeException {

    public AuditUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
