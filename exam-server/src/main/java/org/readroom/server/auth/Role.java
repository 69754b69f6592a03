package org.readroom.server.auth;

/** Who is calling. Candidates come from a roster; the others are staff accounts. */
public enum Role {
    ADMIN,
    PROCTOR,
    MARKER,
    CANDIDATE
}
