package io.energywatch.gateway.console;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.energywatch.gateway.StandInRoutes;
import io.energywatch.service.security.Role;
import io.energywatch.testsupport.KafkaTestBroker;
import io.energywatch.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console under the gateway's rate limit: with a bucket of 8 requests refilled at 4 a second (the console's own
 * files, read before sign-in, spend the remote address's bucket, not the token's), the overview's reads and then the
 * consumption page's (catalogue, pages of records, anomalies and the forecast days at once) are throttled, and the
 * console reads what was refused again after the Retry-After the gateway names, so the chart shows the whole week with
 * its forecast and no panel reports a failure.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "energywatch.gateway.rate-limit.capacity=8", "energywatch.gateway.rate-limit.refill-tokens=4",
        "energywatch.gateway.rate-limit.refill-period=1s"})
@ActiveProfiles("local")
class ConsoleThrottledBrowserTest {

    private static final String BOOTSTRAP = KafkaTestBroker.bootstrapServers();
    private static final ConsoleStandIns SERVICES = new ConsoleStandIns(BOOTSTRAP);
    private static Chromium chromium;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        StandInRoutes.allTo(registry, SERVICES::url);
        registry.add("spring.kafka.bootstrap-servers", () -> BOOTSTRAP);
    }

    @BeforeAll
    static void start() {
        chromium = Chromium.start();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        SERVICES.close();
    }

    @Autowired
    Environment environment;

    @Test
    void aThrottledReadIsRetriedAfterItsRetryAfterAndThePageShowsEverything() {
        try (BrowserContext context = chromium.browser()
                .newContext(new Browser.NewContextOptions().setTimezoneId("UTC"))) {
            Page page = context.newPage();
            AtomicInteger throttled = new AtomicInteger();
            page.onResponse(response -> throttled.addAndGet(response.status() == 429 ? 1 : 0));
            String base = "http://127.0.0.1:" + environment.getRequiredProperty("local.server.port") + "/";
            page.navigate(base);
            page.locator("#token").waitFor();
            page.fill("#token", TestTokens.token("console-throttled", Role.VIEWER));
            page.click("#signin");
            // The overview's reads, then the consumption page's, go out together and overflow the token's bucket of 8.
            page.navigate(base + "#/series?id=" + ConsoleStandIns.SERIES);
            page.waitForFunction("() => document.querySelector('#series-chart[data-forecast-settled], .error')", null,
                    new Page.WaitForFunctionOptions().setTimeout(60_000));

            assertThat(throttled.get()).as("reads refused with 429 by the gateway").isPositive();
            assertThat(page.locator(".error").count()).as(page.textContent("main")).isZero();
            assertThat(page.getAttribute("#series-chart", "data-points")).isEqualTo("336");
            assertThat(page.getAttribute("#series-chart", "data-forecast-days")).isEqualTo("8");
        }
    }
}
