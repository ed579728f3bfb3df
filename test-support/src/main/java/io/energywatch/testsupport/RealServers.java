package io.energywatch.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a Spring Boot test at the real servers: {@code @DynamicPropertySource static void servers(DynamicPropertyRegistry
 * r) { RealServers.kafka(r); RealServers.mongo(r); }}.
 */
public final class RealServers {

    private RealServers() {
    }

    public static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KafkaTestBroker::bootstrapServers);
    }

    public static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoWireTestServer.shared().uri("energywatch"));
    }

    public static void elasticsearch(DynamicPropertyRegistry registry) {
        registry.add("spring.elasticsearch.uris", () -> ElasticsearchTestServer.shared().url());
    }
}
