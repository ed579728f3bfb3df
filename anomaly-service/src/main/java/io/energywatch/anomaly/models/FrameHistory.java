package io.energywatch.anomaly.models;

import io.energywatch.analytics.anomaly.FeatureFrame;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The feature frames the streaming detectors computed, kept per series group (the newest {@code capacity}), which is
 * what a group forest is trained on. In memory: after a restart training waits until enough frames were seen again.
 */
public final class FrameHistory {

    /** One scored row of one series. */
    public record SeenFrame(String seriesId, Instant timestamp, FeatureFrame frame) {
    }

    private final int capacity;
    private final Map<SeriesGroup, ArrayDeque<SeenFrame>> frames = new ConcurrentHashMap<>();

    public FrameHistory(int capacity) {
        this.capacity = capacity;
    }

    public void record(String seriesId, Instant timestamp, FeatureFrame frame) {
        var deque = frames.computeIfAbsent(SeriesGroup.of(seriesId), g -> new ArrayDeque<>());
        synchronized (deque) {
            if (deque.size() == capacity) {
                deque.removeFirst();
            }
            deque.addLast(new SeenFrame(seriesId, timestamp, frame));
        }
    }

    /** The frames of {@code group} in [from, to) that {@code keep} accepts, oldest first. */
    public List<SeenFrame> window(SeriesGroup group, Instant from, Instant to, Predicate<SeenFrame> keep) {
        var deque = frames.get(group);
        if (deque == null) {
            return List.of();
        }
        synchronized (deque) {
            return deque.stream().filter(f -> !f.timestamp().isBefore(from) && f.timestamp().isBefore(to))
                    .filter(keep).toList();
        }
    }

    /** The newest timestamp seen in {@code group}: "now" in stream time, where retraining windows end. */
    public Instant latest(SeriesGroup group) {
        var deque = frames.get(group);
        if (deque == null) {
            return Instant.EPOCH;
        }
        synchronized (deque) {
            return deque.stream().map(SeenFrame::timestamp).max(Instant::compareTo).orElse(Instant.EPOCH);
        }
    }

    public Set<SeriesGroup> groups() {
        return Set.copyOf(frames.keySet());
    }

    public Set<String> series(SeriesGroup group) {
        var deque = frames.get(group);
        if (deque == null) {
            return Set.of();
        }
        synchronized (deque) {
            return Set.copyOf(deque.stream().map(SeenFrame::seriesId).toList());
        }
    }
}
