package io.energywatch.service.stores;

import org.jspecify.annotations.Nullable;
import org.springframework.util.ClassUtils;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells whether an exception means a store failed, and which: the clients' own exceptions (MongoDB driver, Kafka
 * clients, Elasticsearch client) and Spring's wrappers of them, anywhere in the cause chain. A client library missing
 * from a service's classpath is simply not looked for.
 */
public final class StoreFailures {

    private static final int MAX_DEPTH = 16;
    private static final int MAX_CAUSE_CHARS = 300;
    /** Fully qualified exception names ({@code com.mongodb.MongoSocketOpenException: }) do not belong in a reply. */
    private static final Pattern CLASS_NAMES = Pattern.compile(
            "\\{?\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b:?\\s*\\}?");

    private static final boolean MONGO = present("com.mongodb.MongoException");
    private static final boolean KAFKA = present("org.apache.kafka.common.KafkaException");
    private static final boolean ELASTICSEARCH = present("co.elastic.clients.transport.TransportException");

    private StoreFailures() {
    }

    public static Optional<StoreFailure> classify(@Nullable Throwable failure) {
        List<Throwable> chain = chain(failure);
        for (Throwable t : chain) {
            if (t instanceof StoreUnavailableException known) {
                return Optional.of(known.failure());
            }
        }
        // A refused write is decided first: "full" must not be reported as "unavailable" by a wrapper's class.
        if (MONGO) {
            for (Throwable t : chain) {
                Optional<StoreFailure> full = MongoFailures.full(t);
                if (full.isPresent()) {
                    return full;
                }
            }
        }
        for (Throwable t : chain) {
            Optional<StoreFailure> found = Optional.empty();
            if (MONGO) {
                found = MongoFailures.unavailable(t);
            }
            if (found.isEmpty() && KAFKA) {
                found = KafkaFailures.unavailable(t);
            }
            if (found.isEmpty() && ELASTICSEARCH) {
                found = ElasticsearchFailures.unavailable(t);
            }
            if (found.isPresent()) {
                return found;
            }
        }
        // Spring Data is used with MongoDB only in EnergyWatch: its resource failures are MongoDB's.
        for (Throwable t : chain) {
            if (isA(t, "org.springframework.dao.DataAccessResourceFailureException")) {
                return Optional.of(StoreFailure.unavailable(Store.MONGODB, describe(t)));
            }
        }
        return Optional.empty();
    }

    /** The failure's message in one line, without Java class names, for replies and job reports. */
    public static String describe(@Nullable Throwable failure) {
        for (Throwable t : chain(failure)) {
            String message = t.getMessage();
            if (message != null && !message.isBlank()) {
                String clean = CLASS_NAMES.matcher(message).replaceAll("").replaceAll("\\s+", " ").strip();
                if (!clean.isEmpty()) {
                    return clean.length() <= MAX_CAUSE_CHARS ? clean : clean.substring(0, MAX_CAUSE_CHARS) + "...";
                }
            }
        }
        return "no further detail";
    }

    /** True when {@code t}'s class or a superclass has that name (no class loading for absent libraries). */
    static boolean isA(Throwable t, String className) {
        for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals(className)) {
                return true;
            }
        }
        return false;
    }

    static List<Throwable> chain(@Nullable Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && chain.size() < MAX_DEPTH && seen.add(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static boolean present(String className) {
        return ClassUtils.isPresent(className, StoreFailures.class.getClassLoader());
    }
}
