package io.energywatch.fusion.enrichment;

import io.energywatch.contracts.DeadLetters;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * An unreadable input record goes, bytes unchanged, to its topic's dead-letter topic with the reason in headers, inside
 * the same transaction as the task's output (so it is dead-lettered exactly once), and the task goes on.
 */
public final class DeadLetteringDeserializationHandler implements DeserializationExceptionHandler {

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                Exception exception) {
        var headers = new RecordHeaders(record.headers().toArray());
        headers.add(new RecordHeader(DeadLetters.REASON, utf8(reason(exception))));
        headers.add(new RecordHeader(DeadLetters.ORIGIN, utf8(record.topic())));
        var deadLetter = new ProducerRecord<>(record.topic() + DeadLetters.SUFFIX, null, record.timestamp(),
                record.key(), record.value(), headers);
        return Response.resume(List.of(deadLetter));
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // nothing to configure: the dead-letter topic follows from the record's topic
    }

    private static String reason(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return root == e ? message : message + " (" + root.getMessage() + ")";
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
