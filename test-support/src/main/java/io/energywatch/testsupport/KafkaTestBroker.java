package io.energywatch.testsupport;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker (spring-kafka-test's embedded KRaft broker) shared by every test of a JVM, so contexts with
 * different configurations do not each start one.
 */
public final class KafkaTestBroker {

    private static EmbeddedKafkaKraftBroker shared;

    private KafkaTestBroker() {
    }

    public static synchronized String bootstrapServers() {
        if (shared == null) {
            EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
            broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
            broker.brokerProperty("transaction.state.log.replication.factor", "1");
            broker.brokerProperty("transaction.state.log.min.isr", "1");
            broker.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "kafka-test-stop"));
            shared = broker;
        }
        return shared.getBrokersAsString();
    }
}
