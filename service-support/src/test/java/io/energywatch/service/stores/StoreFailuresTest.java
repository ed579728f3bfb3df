package io.energywatch.service.stores;

import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import io.energywatch.service.search.ElasticsearchClients;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.apache.kafka.common.errors.TimeoutException;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreFailuresTest {

    private static final ServerAddress MONGO = new ServerAddress("127.0.0.1", 27017);
    private static final int OUT_OF_DISK_SPACE = 14031;

    @Test
    void aServerSelectionTimeoutIsMongodbUnavailable() {
        var failure = StoreFailures.classify(new MongoTimeoutException("Timed out while waiting for a server"));

        assertThat(failure).contains(StoreFailure.unavailable(Store.MONGODB,
                "no server answered before the server selection timeout"));
    }

    @Test
    void aRefusedConnectionIsMongodbUnavailableAndNamesTheServer() {
        var refused = new MongoSocketOpenException("Exception opening socket", MONGO,
                new ConnectException("Connection refused"));

        var failure = StoreFailures.classify(new IllegalStateException("wrapped", refused)).orElseThrow();

        assertThat(failure.store()).isEqualTo(Store.MONGODB);
        assertThat(failure.kind()).isEqualTo(StoreFailure.Kind.UNAVAILABLE);
        assertThat(failure.cause()).contains("127.0.0.1:27017").contains("Exception opening socket");
    }

    @Test
    void springsResourceFailureWrappingTheDriverIsMongodbUnavailable() {
        var spring = new DataAccessResourceFailureException("Timed out", new MongoTimeoutException("Timed out"));

        assertThat(StoreFailures.classify(spring).map(StoreFailure::store)).contains(Store.MONGODB);
        assertThat(StoreFailures.classify(new DataAccessResourceFailureException("no connection")))
                .map(StoreFailure::kind).contains(StoreFailure.Kind.UNAVAILABLE);
    }

    @Test
    void aWriteRefusedWithOutOfDiskSpaceIsMongodbFull() {
        var write = new MongoWriteException(new WriteError(OUT_OF_DISK_SPACE, "store full: 512 MB limit reached",
                new BsonDocument()), MONGO, Set.of());

        var failure = StoreFailures.classify(new DataIntegrityViolationException("write refused", write)).orElseThrow();

        assertThat(failure.kind()).isEqualTo(StoreFailure.Kind.FULL);
        assertThat(failure.store()).isEqualTo(Store.MONGODB);
        assertThat(failure.cause()).contains("store full: 512 MB limit reached");
        assertThat(failure.title()).isEqualTo("MongoDB is full");
    }

    @Test
    void aBulkInsertWithOneOutOfDiskSpaceErrorAmongDuplicatesIsMongodbFull() {
        var bulk = new MongoBulkWriteException(BulkWriteResult.unacknowledged(), List.of(
                new BulkWriteError(11000, "E11000 duplicate key", new BsonDocument(), 0),
                new BulkWriteError(OUT_OF_DISK_SPACE, "store full", new BsonDocument(), 1)), null, MONGO, Set.of());

        assertThat(StoreFailures.classify(bulk).map(StoreFailure::kind)).contains(StoreFailure.Kind.FULL);
    }

    @Test
    void aCommandRefusedWithOutOfDiskSpaceIsMongodbFull() {
        var command = new MongoCommandException(new BsonDocument("ok", new BsonInt32(0))
                .append("code", new BsonInt32(OUT_OF_DISK_SPACE)).append("errmsg", new BsonString("store full")), MONGO);

        assertThat(StoreFailures.classify(command).map(StoreFailure::kind)).contains(StoreFailure.Kind.FULL);
    }

    @Test
    void aDuplicateKeyIsNoStoreFailure() {
        var duplicate = new MongoWriteException(new WriteError(11000, "E11000 duplicate key", new BsonDocument()),
                MONGO, Set.of());

        assertThat(StoreFailures.classify(duplicate)).isEmpty();
        assertThat(StoreFailures.classify(new IllegalArgumentException("bad input"))).isEmpty();
    }

    @Test
    void aMetadataTimeoutInsideAFailedSendIsKafkaUnavailable() {
        var send = new ExecutionException(new TimeoutException(
                "Topic energywatch.consumption.raw.v1 not present in metadata after 3000 ms."));

        var failure = StoreFailures.classify(send).orElseThrow();

        assertThat(failure.store()).isEqualTo(Store.KAFKA);
        assertThat(failure.cause()).isEqualTo("Topic energywatch.consumption.raw.v1 not present in metadata after"
                + " 3000 ms.");
    }

    @Test
    void aRefusedConnectionOfTheElasticsearchClientIsElasticsearchUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (Rest5Client rest = ElasticsearchClients.rest(List.of("http://127.0.0.1:" + closedPort),
                Duration.ofSeconds(2), Duration.ofSeconds(5))) {
            var client = ElasticsearchClients.client(rest);

            assertThatThrownBy(() -> client.cluster().health()).satisfies(e -> {
                var failure = StoreFailures.classify(new UncheckedIOException(new IOException("search", e)));
                assertThat(failure.map(StoreFailure::store)).contains(Store.ELASTICSEARCH);
            });
        }
    }

    @Test
    void aRefusedConnectionOfAnotherHttpClientIsNotElasticsearchs() {
        assertThat(StoreFailures.classify(new ConnectException("Connection refused"))).isEmpty();
    }

    @Test
    void descriptionsCarryNoJavaClassNames() {
        String message = "Client view of cluster state is {type=UNKNOWN, servers=[{address=127.0.0.1:1, "
                + "exception={com.mongodb.MongoSocketOpenException: Exception opening socket}, caused by "
                + "{java.net.ConnectException: Connection refused}}]";

        assertThat(StoreFailures.describe(new IllegalStateException(message)))
                .doesNotContain("com.mongodb").doesNotContain("java.net")
                .contains("Exception opening socket").contains("Connection refused");
    }

    @Test
    void theProblemDetailSaysWhatToDo() {
        var failure = StoreFailure.unavailable(Store.MONGODB, "no server answered");

        assertThat(failure.detail(Duration.ofSeconds(10))).isEqualTo("MongoDB unavailable: no server answered. Retry"
                + " in 10 s; if it persists, check that MongoDB is running and reachable (in the local stack:"
                + " ./energywatch stack status, then ./energywatch stack up).");
    }
}
