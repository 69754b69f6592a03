package org.readroom.core.protocol;

/** The HTTP paths of wire protocol v1; the version is part of every path. */
public final class ApiPaths {

    public static final String VERSION = "v1";
    public static final String BASE = "/api/" + VERSION;

    public static final String KIOSK_LOGIN = BASE + "/kiosk/login";
    public static final String KIOSK_START = BASE + "/kiosk/start";
    public static final String KIOSK_SITTING = BASE + "/kiosk/sitting";
    public static final String KIOSK_CLOCK = BASE + "/kiosk/clock";
    public static final String KIOSK_ANSWERS = BASE + "/kiosk/answers";
    public static final String KIOSK_SUBMIT = BASE + "/kiosk/submit";
    public static final String KIOSK_HEARTBEAT = BASE + "/kiosk/heartbeat";
    public static final String ASSETS = BASE + "/assets/";

    public static final String STAFF_LOGIN = BASE + "/staff/login";
    public static final String PROCTOR_SESSIONS = BASE + "/proctor/sessions";

    public static final String KIOSK_ENROL = BASE + "/kiosks/enrol";
    public static final String KIOSK_ME = BASE + "/kiosks/me";
    public static final String KIOSK_PACKAGES = BASE + "/kiosks/packages";
    public static final String ADMIN_KIOSKS = BASE + "/admin/kiosks";
    public static final String ADMIN_SESSIONS = BASE + "/admin/sessions";

    private ApiPaths() {}

    public static String packageFile(String packageId) {
        return KIOSK_PACKAGES + "/" + packageId;
    }

    public static String packageProgress(String packageId) {
        return KIOSK_PACKAGES + "/" + packageId + "/progress";
    }

    public static String packageKey(String packageId) {
        return KIOSK_PACKAGES + "/" + packageId + "/key";
    }

    public static String approveKiosk(String kioskId) {
        return ADMIN_KIOSKS + "/" + kioskId + "/approve";
    }

    public static String revokeKiosk(String kioskId) {
        return ADMIN_KIOSKS + "/" + kioskId + "/revoke";
    }

    public static String buildPackage(String paperId) {
        return BASE + "/admin/papers/" + paperId + "/package";
    }

    public static String admitKiosk(long sessionId, String kioskId) {
        return PROCTOR_SESSIONS + "/" + sessionId + "/kiosks/" + kioskId + "/admit";
    }

    public static String startSession(long sessionId) {
        return PROCTOR_SESSIONS + "/" + sessionId + "/start";
    }

    /** The proctor's live WebSocket feed of one session (bearer token in the Authorization header). */
    public static String feed(long sessionId) {
        return PROCTOR_SESSIONS + "/" + sessionId + "/feed";
    }

    /** A proctor action on one candidate: admit, pause, resume, extra-time, message, lock, move, submit, void. */
    public static String candidateAction(long sessionId, String candidateNumber, String action) {
        return PROCTOR_SESSIONS + "/" + sessionId + "/candidates/" + candidateNumber + "/" + action;
    }

    /** A proctor action on the room: pause, resume, extra-time, message, end, irregularities. */
    public static String roomAction(long sessionId, String action) {
        return PROCTOR_SESSIONS + "/" + sessionId + "/" + action;
    }

    public static String interruptions(long sessionId) {
        return PROCTOR_SESSIONS + "/" + sessionId + "/interruptions";
    }

    public static String decideInterruption(long sessionId, long interruptionId, boolean accept) {
        return interruptions(sessionId) + "/" + interruptionId + (accept ? "/accept" : "/decline");
    }

    public static String roster(long sessionId) {
        return PROCTOR_SESSIONS + "/" + sessionId + "/candidates";
    }

    public static String results(long sessionId) {
        return BASE + "/admin/sessions/" + sessionId + "/results";
    }
}
