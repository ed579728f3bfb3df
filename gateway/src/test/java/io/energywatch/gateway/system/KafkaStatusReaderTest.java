package io.energywatch.gateway.system;

import io.energywatch.gateway.config.GatewayProperties;
import io.energywatch.testsupport.FreePorts;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A broker that is not there is a DOWN entry, within the configured timeout, never a hang. */
class KafkaStatusReaderTest {

    @Test
    void aDeadBrokerIsReportedDownWithinTheTimeout() {
        var calls = new GatewayProperties.Calls(Duration.ofSeconds(1), Duration.ofMillis(800), 4);
        var gateway = new GatewayProperties(null, null, null, null, null, calls, null);
        var reader = new KafkaStatusReader("127.0.0.1:" + FreePorts.find(), gateway);

        long start = System.nanoTime();
        SystemStatus.KafkaStatus status = reader.read();
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(status.status()).isEqualTo("DOWN");
        assertThat(status.detail()).contains("did not answer within 800 ms");
        assertThat(status.topics()).isEmpty();
        assertThat(millis).isLessThan(3_000);
    }
}
