package io.energywatch.contracts;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event type crosses a real (embedded KRaft) broker and comes back equal, with all CloudEvents headers. */
class CloudEventsRoundTripTest {

    private static final String SOURCE = "/energywatch/contracts-test";
    private static EmbeddedKafkaKraftBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @Test
    void everyEventTypeRoundTripsWithItsCloudEventsHeaders() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            admin.createTopics(Topics.ALL.stream().map(t -> new NewTopic(t.name(), 1, (short) 1)).toList()).all().get();
        }
        List<EnergyWatchEvent> sent = SampleEvents.all();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), EventSerde.any(SOURCE))) {
            for (EnergyWatchEvent e : sent) {
                producer.send(new ProducerRecord<>(Topics.forValueType(e.getClass()).name(), "k-" + e.eventId(), e)).get();
            }
        }

        List<ConsumerRecord<String, EnergyWatchEvent>> received = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "contracts-roundtrip",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), EventSerde.any(SOURCE))) {
            consumer.subscribe(Topics.ALL.stream().map(Topic::name).toList());
            Instant deadline = Instant.now().plusSeconds(30);
            while (received.size() < sent.size() && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            }
        }

        assertThat(received).hasSameSizeAs(sent);
        for (EnergyWatchEvent expected : sent) {
            var record = received.stream().filter(r -> r.value().eventId().equals(expected.eventId())).findFirst()
                    .orElseThrow(() -> new AssertionError("not received: " + expected));
            Topic<?> topic = Topics.forValueType(expected.getClass());
            assertThat(record.topic()).isEqualTo(topic.name());
            assertThat(record.key()).isEqualTo("k-" + expected.eventId());
            assertThat(record.value()).isEqualTo(expected);
            assertThat(header(record, "ce_id")).isEqualTo(expected.eventId());
            assertThat(header(record, "ce_type")).isEqualTo(topic.ceType()).startsWith("energywatch.").endsWith(".v1");
            assertThat(header(record, "ce_source")).isEqualTo(SOURCE);
            assertThat(Instant.parse(header(record, "ce_time"))).isEqualTo(expected.eventTime());
            assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(record, "content-type")).isEqualTo("application/json");
            assertThat(CloudEventHeaders.readFrom(record.headers()).id()).isEqualTo(expected.eventId());
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var h = record.headers().lastHeader(name);
        assertThat(h).as("header %s on %s", name, record.topic()).isNotNull();
        return new String(h.value(), StandardCharsets.UTF_8);
    }
}
