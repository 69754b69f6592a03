package org.readroom.server.auth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens: 256 random bits, held in memory. A server restart forgets them and clients log in again; the
 * tokens themselves are never logged.
 */
public final class Tokens {

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Principal> byToken = new ConcurrentHashMap<>();

    public String issue(Principal principal) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        byToken.put(token, principal);
        return token;
    }

    public Optional<Principal> resolve(String token) {
        return token == null ? Optional.empty() : Optional.ofNullable(byToken.get(token));
    }
}
