package io.energywatch.anomaly.notifications;

import io.energywatch.anomaly.config.AnomalyProperties;
import io.energywatch.contracts.AnomalyDetected;
import io.energywatch.contracts.DriftDetected;
import io.energywatch.service.kafka.EventListeners;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.mail.javamail.JavaMailSender;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.Map;

/**
 * Alerting's wiring: rules and outbox stores, the evaluation behind the two listeners (each topic its own consumer
 * group, one thread, from the topic's beginning for a new group, records older than the configured age ignored), the
 * channels and the dispatcher.
 */
@Configuration(proxyBeanMethods = false)
class NotificationsConfiguration {

    static final String ANOMALY_CONTAINER_FACTORY = "anomalyAlertContainerFactory";
    static final String DRIFT_CONTAINER_FACTORY = "driftAlertContainerFactory";

    @Bean
    Clock notificationClock() {
        return Clock.systemUTC();
    }

    @Bean
    AlertRuleStore alertRuleStore(MongoTemplate mongo, JsonMapper json, AnomalyProperties properties) {
        return new AlertRuleStore(mongo, json, properties.notifications().collections().rules());
    }

    @Bean
    AlertRules alertRules(AlertRuleStore store, AnomalyProperties properties, Clock notificationClock) {
        var notifications = properties.notifications();
        return new AlertRules(store, notifications.webhook().secrets().keySet(), notifications.defaultThrottle(),
                notificationClock);
    }

    @Bean
    NotificationStore notificationStore(MongoTemplate mongo, AnomalyProperties properties) {
        return new NotificationStore(mongo, properties.notifications().collections().notifications());
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> notificationIndexes(NotificationStore store) {
        return ready -> store.createIndexes();
    }

    @Bean
    ThrottleStore throttleStore(MongoTemplate mongo, AnomalyProperties properties) {
        return new ThrottleStore(mongo, properties.notifications().collections().throttles());
    }

    @Bean
    Alerting alerting(AlertRuleStore rules, NotificationStore notifications, ThrottleStore throttles, JsonMapper json,
                      AnomalyProperties properties, Clock notificationClock) {
        var p = properties.notifications();
        return new Alerting(rules, notifications, throttles, json, p.zone(), p.maxEventAge(), notificationClock);
    }

    @Bean
    AlertListener alertListener(Alerting alerting) {
        return new AlertListener(alerting);
    }

    @Bean
    NotificationDispatcher notificationDispatcher(NotificationStore store, JavaMailSender mail,
                                                  AnomalyProperties properties, Clock notificationClock,
                                                  MeterRegistry meters) {
        var p = properties.notifications();
        var webhook = new WebhookSender(p.webhook().connectTimeout(), p.webhook().requestTimeout(),
                p.webhook().secrets(), notificationClock);
        var email = new EmailSender(mail, p.mail().from());
        return new NotificationDispatcher(store, Map.of(Channel.WEBHOOK, webhook, Channel.EMAIL, email),
                p.dispatchBatch(), p.maxAttempts(), p.initialBackoff(), p.maxBackoff(), p.claimTimeout(),
                notificationClock, meters);
    }

    @Bean(ANOMALY_CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, AnomalyDetected> anomalyAlertContainerFactory(
            KafkaProperties kafka, AnomalyProperties properties) {
        var p = properties.notifications();
        return withRetries(EventListeners.factory(kafka, AnomalyDetected.class, p.anomalyGroupId(),
                EventListeners.Start.EARLIEST, EventListeners.Delivery.RECORD, 0), p);
    }

    @Bean(DRIFT_CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, DriftDetected> driftAlertContainerFactory(
            KafkaProperties kafka, AnomalyProperties properties) {
        var p = properties.notifications();
        return withRetries(EventListeners.factory(kafka, DriftDetected.class, p.driftGroupId(),
                EventListeners.Start.EARLIEST, EventListeners.Delivery.RECORD, 0), p);
    }

    /** One thread (the throttle's read-then-write needs it), retries without end: MongoDB down delays, never drops. */
    private static <T> ConcurrentKafkaListenerContainerFactory<String, T> withRetries(
            ConcurrentKafkaListenerContainerFactory<String, T> factory, AnomalyProperties.Notifications p) {
        factory.setConcurrency(1);
        factory.setCommonErrorHandler(EventListeners.retryingUntilAccepted(p.listenerInitialBackoff(),
                p.listenerMaxBackoff()));
        return factory;
    }
}
