package io.energywatch.fusion.enrichment;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * The measurements of one series kept for one quarter of a local day (see ConsumptionFusion#consumptionKey), in
 * interval order, each as the raw JSON it was read with: {@code [interval start, epoch ms: 8 bytes][length: 4 bytes]
 * [JSON]...}.
 *
 * <p>Why one store entry per series and quarter day rather than per measurement: each store write is a changelog record
 * and each purged entry a tombstone, which made keeping measurements for re-emission cost two extra Kafka records per
 * input. With one entry per series and quarter day, and the store's record cache absorbing the rewrites between two
 * commits, a day of half-hours costs a few changelog records and four tombstones. A rewrite copies the entry's bytes
 * (tens of KB at most), which is far cheaper than a Kafka record. The value is these bytes as they are: no parsing to
 * keep, read back or purge them.
 */
final class KeptDay {

    private static final int HEADER = Long.BYTES + Integer.BYTES;

    private final byte[] bytes;

    private KeptDay(byte[] bytes) {
        this.bytes = bytes;
    }

    static KeptDay of(long startMs, byte[] json) {
        return new KeptDay(entry(startMs, json));
    }

    /**
     * This day with a measurement added in interval order, or replacing the one with the same interval start (a
     * measurement ingested again overwrites, as a store key would).
     */
    KeptDay with(long startMs, byte[] json) {
        ByteBuffer read = ByteBuffer.wrap(bytes);
        int pos = 0;
        while (pos < bytes.length) {
            long start = read.getLong(pos);
            int end = pos + HEADER + read.getInt(pos + Long.BYTES);
            if (start >= startMs) {
                // Insert before the first later one, or replace an equal one.
                int resumeAt = start == startMs ? end : pos;
                return new KeptDay(concat(bytes, pos, entry(startMs, json), resumeAt));
            }
            pos = end;
        }
        return new KeptDay(concat(bytes, bytes.length, entry(startMs, json), bytes.length));
    }

    /** The JSON of each kept measurement, in interval order. */
    void forEach(Consumer<byte[]> json) {
        ByteBuffer read = ByteBuffer.wrap(bytes);
        int pos = 0;
        while (pos < bytes.length) {
            int length = read.getInt(pos + Long.BYTES);
            byte[] one = new byte[length];
            System.arraycopy(bytes, pos + HEADER, one, 0, length);
            json.accept(one);
            pos += HEADER + length;
        }
    }

    int size() {
        ByteBuffer read = ByteBuffer.wrap(bytes);
        int count = 0;
        for (int pos = 0; pos < bytes.length; pos += HEADER + read.getInt(pos + Long.BYTES)) {
            count++;
        }
        return count;
    }

    static Serde<KeptDay> serde() {
        Serializer<KeptDay> serializer = (topic, day) -> day == null ? null : day.bytes;
        Deserializer<KeptDay> deserializer = (topic, data) -> data == null ? null : new KeptDay(data);
        return Serdes.serdeFrom(serializer, deserializer);
    }

    private static byte[] entry(long startMs, byte[] json) {
        return ByteBuffer.allocate(HEADER + json.length).putLong(startMs).putInt(json.length).put(json).array();
    }

    /** {@code head[0, cut) + middle + head[resumeAt, end)}. */
    private static byte[] concat(byte[] head, int cut, byte[] middle, int resumeAt) {
        byte[] out = new byte[cut + middle.length + head.length - resumeAt];
        System.arraycopy(head, 0, out, 0, cut);
        System.arraycopy(middle, 0, out, cut, middle.length);
        System.arraycopy(head, resumeAt, out, cut + middle.length, head.length - resumeAt);
        return out;
    }
}
