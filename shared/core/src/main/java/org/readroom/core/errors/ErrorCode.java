package org.readroom.core.errors;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The one catalogue of errors the server sends and the clients understand: a stable code, the HTTP status and the
 * key of the sentence a user reads (bundle {@code org.readroom.core.errors.messages}, en and zh-CN).
 */
public enum ErrorCode {
    BAD_REQUEST("RR-1000", 400, "error.badRequest"),
    UNSUPPORTED_PROTOCOL("RR-1001", 400, "error.unsupportedProtocol"),
    NOT_AUTHENTICATED("RR-1100", 401, "error.notAuthenticated"),
    LOGIN_FAILED("RR-1101", 401, "error.loginFailed"),
    FORBIDDEN("RR-1102", 403, "error.forbidden"),
    NOT_FOUND("RR-1200", 404, "error.notFound"),
    SESSION_NOT_RUNNING("RR-1300", 409, "error.sessionNotRunning"),
    ALREADY_SUBMITTED("RR-1301", 409, "error.alreadySubmitted"),
    TIME_IS_OVER("RR-1302", 409, "error.timeIsOver"),
    NOT_STARTED("RR-1303", 409, "error.notStarted"),
    SEQUENCE_CONFLICT("RR-1304", 409, "error.sequenceConflict"),
    UNKNOWN_ITEM("RR-1305", 422, "error.unknownItem"),
    NOT_ADMITTED("RR-1306", 409, "error.notAdmitted"),
    SEQUENCE_GAP("RR-1307", 409, "error.sequenceGap"),
    CHAIN_BROKEN("RR-1308", 422, "error.chainBroken"),
    CANDIDATE_MOVED("RR-1309", 409, "error.candidateMoved"),
    CANDIDATE_VOIDED("RR-1310", 409, "error.candidateVoided"),
    NOT_ALLOWED_NOW("RR-1311", 409, "error.notAllowedNow"),
    QUESTION_LOCKED("RR-1312", 409, "error.questionLocked"),
    SECTION_CLOSED("RR-1313", 409, "error.sectionClosed"),
    STEP_NOT_OPEN("RR-1314", 409, "error.stepNotOpen"),
    SECTION_TIME_OVER("RR-1315", 409, "error.sectionTimeOver"),
    KIOSK_SIGNATURE_INVALID("RR-1400", 401, "error.kioskSignatureInvalid"),
    KIOSK_NOT_APPROVED("RR-1401", 403, "error.kioskNotApproved"),
    KIOSK_REVOKED("RR-1402", 403, "error.kioskRevoked"),
    KIOSK_NOT_ADMITTED("RR-1403", 403, "error.kioskNotAdmitted"),
    KEY_NOT_RELEASED("RR-1404", 409, "error.keyNotReleased"),
    PACKAGE_REFUSED("RR-1405", 422, "error.packageRefused"),
    KIOSK_UNKNOWN("RR-1406", 401, "error.kioskUnknown"),
    BANK_INVALID("RR-1500", 422, "error.bankInvalid"),
    BANK_FORMAT_UNSUPPORTED("RR-1501", 415, "error.bankFormatUnsupported"),
    PAPER_RULES_UNMET("RR-1520", 422, "error.paperRulesUnmet"),
    PAPER_EXISTS("RR-1521", 409, "error.paperExists"),
    CASE_ZIP_TOO_LARGE("RR-1530", 413, "error.caseZipTooLarge"),
    CASE_ZIP_UNSAFE("RR-1531", 422, "error.caseZipUnsafe"),
    SERVER_UNREACHABLE("RR-1900", 503, "error.serverUnreachable"),
    INTERNAL("RR-1999", 500, "error.internal");

    private static final String BUNDLE = "org.readroom.core.errors.messages";

    private final String code;
    private final int httpStatus;
    private final String messageKey;

    ErrorCode(String code, int httpStatus, String messageKey) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.messageKey = messageKey;
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String messageKey() {
        return messageKey;
    }

    /** The sentence a user reads, in their language. */
    public String message(Locale locale) {
        try {
            return ResourceBundle.getBundle(
                            BUNDLE,
                            locale,
                            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT))
                    .getString(messageKey);
        } catch (MissingResourceException e) {
            return code;
        }
    }

    public static ErrorCode fromCode(String code) {
        for (ErrorCode value : values()) {
            if (value.code.equals(code)) {
                return value;
            }
        }
        return INTERNAL;
    }
}
