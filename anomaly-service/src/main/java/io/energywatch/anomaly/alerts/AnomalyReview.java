package io.energywatch.anomaly.alerts;

import io.energywatch.service.stores.Store;
import io.energywatch.service.stores.StoreFailure;
import io.energywatch.service.stores.StoreFailures;
import io.energywatch.service.stores.StoreUnavailableException;
import io.energywatch.service.web.ProblemException;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies an operator's verdict: the feedback is kept in {@code anomaly_feedback}, the status changes in MongoDB (the
 * record of truth) and then in Elasticsearch. The model trainer reads these verdicts (see ANOMALY.md).
 */
@Component
class AnomalyReview {

    private final AnomalyStore store;
    private final AnomalyIndex index;
    private final Clock clock;

    AnomalyReview(AnomalyStore store, AnomalyIndex index) {
        this.store = store;
        this.index = index;
        this.clock = Clock.systemUTC();
    }

    /** @param author the subject of the caller's token */
    AnomalyDocument judge(String anomalyId, FeedbackRequest request, String author) {
        AnomalyDocument anomaly = store.find(anomalyId).orElseThrow(() -> ProblemException.notFound("anomaly",
                anomalyId));
        var feedback = new Feedback(UUID.randomUUID().toString(), anomalyId, request.verdict(), request.comment(),
                author, anomaly.seriesId(), anomaly.intervalStart(), anomaly.modelId(),
                anomaly.modelVersion(), clock.instant());
        return indexed(store.applyVerdict(anomaly, feedback));
    }

    /**
     * Marks an open anomaly as seen by {@code author}. Acknowledging it again changes nothing; one that already has a
     * verdict cannot go back (409).
     */
    AnomalyDocument acknowledge(String anomalyId, String author) {
        AnomalyDocument anomaly = store.find(anomalyId).orElseThrow(() -> ProblemException.notFound("anomaly",
                anomalyId));
        if (anomaly.status() == AnomalyStatus.ACKNOWLEDGED) {
            return anomaly;
        }
        if (anomaly.status() != AnomalyStatus.OPEN) {
            throw new ProblemException(org.springframework.http.HttpStatus.CONFLICT, "already-judged",
                    "Already judged", "anomaly " + anomalyId + " is " + anomaly.status()
                    + "; only an open anomaly can be acknowledged", java.util.List.of());
        }
        return indexed(store.acknowledge(anomaly, clock.instant(), author));
    }

    private AnomalyDocument indexed(AnomalyDocument judged) {
        try {
            index.updateStatus(judged);
        } catch (IOException | RuntimeException e) {
            // The verdict is stored; the search index is behind until the same verdict is posted again.
            Optional<StoreFailure> search = StoreFailures.classify(e).filter(f -> f.store() == Store.ELASTICSEARCH);
            if (search.isEmpty() && e instanceof RuntimeException unexpected) {
                throw unexpected;
            }
            String cause = search.map(StoreFailure::cause).orElseGet(() -> StoreFailures.describe(e));
            throw new StoreUnavailableException(StoreFailure.unavailable(Store.ELASTICSEARCH, "the verdict is stored"
                    + " but the search index was not updated; post the same verdict again (" + cause + ")"), e);
        }
        return judged;
    }
}
