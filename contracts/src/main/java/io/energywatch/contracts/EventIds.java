package io.energywatch.contracts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.UUID;

/** Deterministic event ids: a name-based UUID of the fact's natural key, so a replay produces the same ids. */
public final class EventIds {

    /**
     * One MD5 digest per thread: {@link UUID#nameUUIDFromBytes} looks the algorithm up in the security providers on
     * every call, which cost more than the hash itself when every ingested record gets an id.
     */
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java platform", e);
        }
    });

    private EventIds() {
    }

    /** The type 3 UUID of {@code kind|part|part...}: identical to {@code UUID.nameUUIDFromBytes} of that text. */
    public static String of(String kind, Object... keyParts) {
        StringBuilder sb = new StringBuilder(96).append(kind);
        for (Object part : keyParts) {
            sb.append('|');
            if (part instanceof Instant instant) {
                IsoInstants.appendTo(sb, instant);
            } else {
                sb.append(part);
            }
        }
        byte[] md5 = MD5.get().digest(sb.toString().getBytes(StandardCharsets.UTF_8));
        md5[6] = (byte) ((md5[6] & 0x0f) | 0x30);
        md5[8] = (byte) ((md5[8] & 0x3f) | 0x80);
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (md5[i] & 0xff);
            lsb = (lsb << 8) | (md5[i + 8] & 0xff);
        }
        return new UUID(msb, lsb).toString();
    }
}
