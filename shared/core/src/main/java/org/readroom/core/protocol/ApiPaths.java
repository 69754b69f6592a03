package org.readroom.core.protocol;

/** The HTTP paths of wire protocol v1; the version is part of every path. */
public final class ApiPaths {

    public static final String VERSION = "v1";
    public static final String BASE = "/api/" + VERSION;

    public static final String KIOSK_LOGIN = BASE + "/kiosk/login";
    public static final String KIOSK_START = BASE + "/kiosk/start";
    public static final String KIOSK_PAPER = BASE + "/kiosk/paper";
    public static final String KIOSK_CLOCK = BASE + "/kiosk/clock";
    public static final String KIOSK_ANSWERS = BASE + "/kiosk/answers";
    public static final String KIOSK_SUBMIT = BASE + "/kiosk/submit";
    public static final String ASSETS = BASE + "/assets/";

    public static final String STAFF_LOGIN = BASE + "/staff/login";
    public static final String PROCTOR_SESSIONS = BASE + "/proctor/sessions";

    private ApiPaths() {}

    public static String roster(long sessionId) {
        return PROCTOR_SESSIONS + "/" + sessionId + "/candidates";
    }

    public static String results(long sessionId) {
        return BASE + "/admin/sessions/" + sessionId + "/results";
    }
}
