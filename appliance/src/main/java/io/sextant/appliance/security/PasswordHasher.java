package io.sextant.appliance.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashing with Bouncy Castle, in the PHC string format
 * ({@code $argon2id$v=19$m=65536,t=3,p=1$salt$hash}) so each hash carries the parameters it was made with and the
 * defaults can be raised later without invalidating stored hashes.
 *
 * <p>Default cost: 64 MiB, 3 passes, 1 lane (measured 160–190 ms on the 2-core reference machine; the 19 MiB / t=2
 * OWASP minimum took 34–49 ms). At most {@link #CONCURRENT} hashes run at once, which bounds memory at
 * 64 MiB × CONCURRENT however many sign-ins arrive.
 */
public final class PasswordHasher {

    /** Argon2 memory in KiB. */
    public static final int MEMORY_KIB = 64 * 1024;
    /** Argon2 passes. */
    public static final int ITERATIONS = 3;
    /** Argon2 lanes. */
    public static final int PARALLELISM = 1;
    /** Hashes computed at the same time at most. */
    public static final int CONCURRENT = 2;
    /** Longest password accepted: hashing cost must not depend on attacker-sized input. */
    public static final int MAX_LENGTH = 256;

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final SecureRandom random = new SecureRandom();
    private final Semaphore slots = new Semaphore(CONCURRENT, true);
    private volatile String dummy;

    /**
     * @param password the password
     * @return its PHC-format Argon2id hash with a fresh salt
     */
    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] out = derive(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(out);
    }

    /**
     * @param password the candidate password
     * @param stored a hash made by {@link #hash}
     * @return true when they match (constant-time comparison)
     */
    public boolean verify(char[] password, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 6 || !"argon2id".equals(parts[1]) || !"v=19".equals(parts[2])) {
            return false;
        }
        int m = 0;
        int t = 0;
        int p = 0;
        for (String kv : parts[3].split(",")) {
            String[] pair = kv.split("=", 2);
            int v = Integer.parseInt(pair[1]);
            switch (pair[0]) {
                case "m" -> m = v;
                case "t" -> t = v;
                case "p" -> p = v;
                default -> {
                    return false;
                }
            }
        }
        byte[] expected = B64D.decode(parts[5]);
        byte[] actual = derive(password, B64D.decode(parts[4]), m, t, p, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /**
     * Spends the time of one verification for an unknown account, so response times do not reveal which names exist.
     *
     * @param password the candidate password
     */
    public void verifyDummy(char[] password) {
        String d = dummy;
        if (d == null) {
            d = hash("dummy-password-for-timing".toCharArray());
            dummy = d;
        }
        verify(password, d);
    }

    private byte[] derive(char[] password, byte[] salt, int memoryKib, int iterations, int lanes, int length) {
        if (password.length > MAX_LENGTH) {
            throw new IllegalArgumentException("password longer than " + MAX_LENGTH + " characters");
        }
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(lanes)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator gen = new Argon2BytesGenerator();
        gen.init(params);
        byte[] out = new byte[length];
        byte[] pw = new String(password).getBytes(StandardCharsets.UTF_8);
        slots.acquireUninterruptibly();
        try {
            gen.generateBytes(pw, out);
        } finally {
            slots.release();
            java.util.Arrays.fill(pw, (byte) 0);
        }
        return out;
    }
}
