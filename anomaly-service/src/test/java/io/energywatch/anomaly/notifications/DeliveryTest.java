package io.energywatch.anomaly.notifications;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import io.energywatch.service.observability.EnergyWatchMeters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatcher against real receivers: a JDK HTTP server that checks the HMAC and fails the first calls, and
 * GreenMail as the SMTP server. Time is a hand-moved clock, so backoff is checked without waiting.
 */
class DeliveryTest {

    private static final String SECRET = "s3cret-for-tests";
    private static final Instant T0 = Instant.parse("2026-03-10T11:00:00Z");

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final MongoStores stores = new MongoStores();
    private final MutableClock clock = new MutableClock(T0);
    private final MeterRegistry meters = new SimpleMeterRegistry();

    @AfterEach
    void close() {
        stores.close();
    }

    private NotificationDispatcher dispatcher(int maxAttempts) {
        var mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(SMTP.getSmtp().getPort());
        return new NotificationDispatcher(stores.notifications, Map.of(
                Channel.WEBHOOK, new WebhookSender(Duration.ofSeconds(2), Duration.ofSeconds(5),
                        Map.of("it", SECRET), clock),
                Channel.EMAIL, new EmailSender(mail, "alerts@energywatch.test")),
                10, maxAttempts, Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofMinutes(1), clock,
                meters);
    }

    private Notification pending(Channel channel, String target) {
        String id = Notification.idOf("rule", "source-" + target, channel, target);
        return new Notification(id, "rule", "rule", RuleKind.ANOMALY, "source-" + target, "electricity:11:odre:PT30M",
                channel, target, channel == Channel.WEBHOOK ? "it" : null, "[EnergyWatch] HIGH SPIKE",
                channel == Channel.WEBHOOK ? "{\"notificationId\":\"" + id + "\"}" : "HIGH spike on 11", 
                DeliveryStatus.PENDING, 0, null, 0, T0, T0, null, T0, null);
    }

    private Notification stored(String id) {
        return stores.notifications.find(null, null, 0, 100).content().stream().filter(n -> n.id().equals(id))
                .findFirst().orElseThrow();
    }

    @Test
    void aFailingWebhookIsRetriedWithDoublingBackoffUntilItAccepts() throws IOException {
        try (var receiver = new WebhookReceiver(SECRET, 2)) {
            var n = pending(Channel.WEBHOOK, receiver.url());
            stores.notifications.insertIfAbsent(List.of(n));
            var dispatcher = dispatcher(5);

            assertThat(dispatcher.dispatch()).isEqualTo(1);
            assertThat(stored(n.id())).satisfies(s -> {
                assertThat(s.status()).isEqualTo(DeliveryStatus.RETRYING);
                assertThat(s.attempts()).isEqualTo(1);
                assertThat(s.nextAttemptAt()).isEqualTo(T0.plusSeconds(10));
                assertThat(s.lastError()).startsWith("HTTP 500");
            });
            assertThat(dispatcher.dispatch()).as("nothing is due before the backoff ends").isZero();

            clock.advance(Duration.ofSeconds(10));
            assertThat(dispatcher.dispatch()).isEqualTo(1);
            assertThat(stored(n.id()).nextAttemptAt()).as("20 s capped at the 15 s maximum")
                    .isEqualTo(T0.plusSeconds(25));

            clock.advance(Duration.ofSeconds(15));
            assertThat(dispatcher.dispatch()).isEqualTo(1);
            assertThat(stored(n.id())).satisfies(s -> {
                assertThat(s.status()).isEqualTo(DeliveryStatus.SENT);
                assertThat(s.attempts()).isEqualTo(3);
                assertThat(s.sentAt()).isEqualTo(T0.plusSeconds(25));
            });
            assertThat(receiver.calls()).hasSize(3).allMatch(WebhookReceiver.Call::signatureValid)
                    .allMatch(c -> c.body().equals(n.payload()))
                    .extracting(WebhookReceiver.Call::answered).containsExactly(500, 500, 204);
            assertThat(receiver.calls().getLast().timestamp()).isEqualTo(Long.toString(T0.plusSeconds(25).getEpochSecond()));
            assertThat(attempts("webhook", "failed")).isEqualTo(2);
            assertThat(attempts("webhook", "sent")).isEqualTo(1);
        }
    }

    @Test
    void aWebhookThatNeverAcceptsIsDeadAfterTheLastAttempt() throws IOException {
        try (var receiver = new WebhookReceiver(SECRET, Integer.MAX_VALUE)) {
            var n = pending(Channel.WEBHOOK, receiver.url());
            stores.notifications.insertIfAbsent(List.of(n));
            var dispatcher = dispatcher(3);
            for (int i = 0; i < 5; i++) {
                dispatcher.dispatch();
                clock.advance(Duration.ofSeconds(15));
            }
            assertThat(stored(n.id())).satisfies(s -> {
                assertThat(s.status()).isEqualTo(DeliveryStatus.DEAD);
                assertThat(s.attempts()).isEqualTo(3);
                assertThat(s.lastError()).startsWith("HTTP 500");
            });
            assertThat(receiver.calls()).hasSize(3);
            assertThat(stores.notifications.stats(clock.instant()).byChannel().get(Channel.WEBHOOK))
                    .containsEntry(DeliveryStatus.DEAD, 1L);
        }
    }

    @Test
    void anUnreachableWebhookCountsAsAFailedAttempt() throws IOException {
        String url;
        try (var receiver = new WebhookReceiver(SECRET, 0)) {
            url = receiver.url();
        }
        var n = pending(Channel.WEBHOOK, url);
        stores.notifications.insertIfAbsent(List.of(n));
        dispatcher(3).dispatch();
        assertThat(stored(n.id())).satisfies(s -> {
            assertThat(s.status()).isEqualTo(DeliveryStatus.RETRYING);
            assertThat(s.lastError()).contains("ConnectException");
        });
    }

    @Test
    void anEmailReachesTheSmtpServer() throws Exception {
        var n = pending(Channel.EMAIL, "ops@energywatch.test");
        stores.notifications.insertIfAbsent(List.of(n));
        assertThat(dispatcher(3).dispatch()).isEqualTo(1);
        assertThat(stored(n.id()).status()).isEqualTo(DeliveryStatus.SENT);
        MimeMessage[] received = SMTP.getReceivedMessagesForDomain("energywatch.test");
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("[EnergyWatch] HIGH SPIKE");
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("ops@energywatch.test");
        assertThat(((String) received[0].getContent()).strip()).isEqualTo("HIGH spike on 11");
        assertThat(attempts("email", "sent")).isEqualTo(1);
        assertThat(attempts("email", "failed")).isZero();
    }

    /** The dispatcher's delivery counter for a channel and outcome. */
    private double attempts(String channel, String outcome) {
        var counter = meters.find(EnergyWatchMeters.NOTIFICATIONS).tags("channel", channel, "outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void backoffDoublesFromTheInitialWaitUpToTheMaximum() {
        var dispatcher = dispatcher(10);
        assertThat(dispatcher.backoff(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(dispatcher.backoff(2)).isEqualTo(Duration.ofSeconds(15));
        assertThat(dispatcher.backoff(40)).isEqualTo(Duration.ofSeconds(15));
    }
}
