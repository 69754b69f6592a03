package org.readroom.server.store;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of JDBC work run by {@link Database} on a connection it owns. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
