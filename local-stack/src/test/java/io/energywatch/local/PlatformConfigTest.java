package io.energywatch.local;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlatformConfigTest {

    @Test
    void readsThePortsHostAndDatabaseFromTheRepositoryFile() {
        PlatformConfig platform = PlatformConfig.load(Path.of("..").resolve(PlatformConfig.LOCATION));

        assertThat(platform.host()).isEqualTo("127.0.0.1");
        assertThat(platform.port("kafka")).isEqualTo(9092);
        assertThat(platform.port("kafka-controller")).isEqualTo(9093);
        assertThat(platform.port("elasticsearch")).isEqualTo(9200);
        assertThat(platform.port("mongodb")).isEqualTo(27017);
        assertThat(platform.port("ingestion")).isEqualTo(8081);
        assertThat(platform.mongoDatabase()).isEqualTo("energywatch");
    }

    @Test
    void everyServiceHasAPortInThePlatformFile() {
        PlatformConfig platform = PlatformConfig.load(Path.of("..").resolve(PlatformConfig.LOCATION));

        assertThat(PlatformService.ALL).allSatisfy(service -> assertThat(platform.port(service.portKey())).isPositive());
    }

    @Test
    void ignoresCommentsQuotesAndSiblingSections() {
        String yaml = """
                # header comment
                energywatch:
                  ports:
                    kafka: 19092   # trailing comment
                    elasticsearch: "19200"
                  local:
                    host: '127.0.0.1'
                  stores:
                    mongo-database: "ew#1"
                    collections:
                      measurements: measurements
                other:
                  ports:
                    kafka: 1
                """;

        PlatformConfig platform = PlatformConfig.parse(yaml, "test.yml");

        assertThat(platform.ports()).containsOnlyKeys("kafka", "elasticsearch");
        assertThat(platform.port("kafka")).isEqualTo(19092);
        assertThat(platform.port("elasticsearch")).isEqualTo(19200);
        assertThat(platform.mongoDatabase()).isEqualTo("ew#1");
    }

    @Test
    void anUnknownPortNamesTheKeyAndTheFile() {
        PlatformConfig platform = PlatformConfig.parse("""
                energywatch:
                  ports:
                    kafka: 9092
                  local:
                    host: 127.0.0.1
                  stores:
                    mongo-database: energywatch
                """, "platform.yml");

        assertThatThrownBy(() -> platform.port("gateway"))
                .hasMessage("port 'gateway' is not defined under energywatch.ports in platform.yml");
    }

    @Test
    void aPortThatIsNotANumberIsRefused() {
        assertThatThrownBy(() -> PlatformConfig.parse("""
                energywatch:
                  ports:
                    kafka: ninety
                """, "platform.yml"))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("energywatch.ports.kafka in platform.yml is 'ninety'");
    }

    @Test
    void everyLocalJvmHasAHeapInThePlatformFile() {
        PlatformConfig platform = PlatformConfig.load(Path.of("..").resolve(PlatformConfig.LOCATION));

        assertThat(List.of("kafka", "elasticsearch", "mongodb")).allSatisfy(server ->
                assertThat(platform.heap(server)).matches("[0-9]+[kmg]"));
        assertThat(PlatformService.ALL).allSatisfy(service ->
                assertThat(platform.heap(service.portKey())).matches("[0-9]+[kmg]"));
    }

    @Test
    void theHeapsLeaveRoomForTheJvmsOwnMemoryWithinTheSixGigabyteBudget() {
        PlatformConfig platform = PlatformConfig.load(Path.of("..").resolve(PlatformConfig.LOCATION));
        long megabytes = platform.heaps().values().stream().mapToLong(PlatformConfigTest::megabytes).sum();

        // Each of the nine JVMs needs roughly 150-300 MB beyond its heap (metaspace, code, threads, buffers).
        assertThat(platform.heaps()).hasSize(9);
        assertThat(megabytes).isLessThanOrEqualTo(6 * 1024 - 9 * 200);
    }

    @Test
    void aHeapThatIsNotASizeIsRefusedWithItsKey() {
        PlatformConfig platform = PlatformConfig.parse("""
                energywatch:
                  ports:
                    kafka: 9092
                  local:
                    host: 127.0.0.1
                    heap:
                      kafka: lots
                  stores:
                    mongo-database: energywatch
                """, "platform.yml");

        assertThatThrownBy(() -> platform.heap("kafka"))
                .hasMessage("energywatch.local.heap.kafka in platform.yml is 'lots', not a heap size such as 512m or 1g");
        assertThatThrownBy(() -> platform.heap("fusion"))
                .hasMessage("heap 'fusion' is not defined under energywatch.local.heap in platform.yml");
    }

    @Test
    void readsTheDrainSettingsAndTheIndexAliases() {
        PlatformConfig platform = PlatformConfig.load(Path.of("..").resolve(PlatformConfig.LOCATION));

        assertThat(platform.drainSettings().confirmations()).isPositive();
        assertThat(platform.drainSettings().poll()).isPositive();
        assertThat(platform.drainSettings().timeout()).isGreaterThan(platform.drainSettings().poll());
        assertThat(platform.index("enriched")).isEqualTo("energywatch-enriched");
    }

    @Test
    void aDrainDurationWithoutAUnitIsRefused() {
        PlatformConfig platform = PlatformConfig.parse("""
                energywatch:
                  ports:
                    kafka: 9092
                  local:
                    host: 127.0.0.1
                    drain:
                      poll: 2
                      confirmations: 2
                      timeout: 10m
                  stores:
                    mongo-database: energywatch
                """, "platform.yml");

        assertThatThrownBy(platform::drainSettings).hasMessageContaining("energywatch.local.drain.poll in platform.yml"
                + " is '2', not a duration");
    }

    private static long megabytes(String heap) {
        long amount = Long.parseLong(heap.substring(0, heap.length() - 1));
        return switch (Character.toLowerCase(heap.charAt(heap.length() - 1))) {
            case 'g' -> amount * 1024;
            case 'k' -> amount / 1024;
            default -> amount;
        };
    }
}
