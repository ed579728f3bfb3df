package io.energywatch.local;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

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
}
