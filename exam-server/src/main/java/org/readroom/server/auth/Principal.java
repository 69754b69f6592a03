package org.readroom.server.auth;

/** The caller behind a bearer token: a staff account or a candidate (id = candidates.id). */
public record Principal(Role role, long id, String name) {}
