package org.readroom.server.auth;

/**
 * The caller behind a bearer token: a staff account or a candidate (id = candidates.id). For a candidate,
 * {@code epoch} is the sitting it was issued for: moving the candidate to a spare kiosk starts a new one, so the kiosk
 * they left is told so instead of carrying on.
 */
public record Principal(Role role, long id, String name, long epoch) {

    public Principal(Role role, long id, String name) {
        this(role, id, name, 0);
    }
}
