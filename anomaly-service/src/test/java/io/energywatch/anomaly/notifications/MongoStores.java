package io.energywatch.anomaly.notifications;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.energywatch.testsupport.MongoWireTestServer;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.util.UUID;

/** The alerting stores on the Mongo wire server, in a database of their own per test, without Spring. */
final class MongoStores implements AutoCloseable {

    final MongoClient client;
    final MongoTemplate mongo;
    final AlertRuleStore rules;
    final NotificationStore notifications;
    final ThrottleStore throttles;
    final JsonMapper json = JsonMapper.builder().build();

    MongoStores() {
        String database = "alerting-" + UUID.randomUUID().toString().substring(0, 8);
        client = MongoClients.create(MongoWireTestServer.shared().uri(database));
        mongo = new MongoTemplate(client, database);
        rules = new AlertRuleStore(mongo, json, "alert_rules");
        notifications = new NotificationStore(mongo, "notifications");
        throttles = new ThrottleStore(mongo, "alert_throttles");
    }

    @Override
    public void close() {
        client.close();
    }
}
