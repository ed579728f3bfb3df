package io.energywatch.gateway.console;

import io.energywatch.contracts.Topics;
import io.energywatch.gateway.StandInRoutes;
import io.energywatch.gateway.feed.AnomalyFeed;
import io.energywatch.service.security.Role;
import io.energywatch.testsupport.KafkaTestBroker;
import io.energywatch.testsupport.TestTokens;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator console in a real browser (Debian's chromium, headless, driven by Playwright) against the gateway, the
 * real Kafka broker for the live feed and stand-in services: sign in, upload, see the anomaly arrive pushed within
 * 2 s, open it, mark it a false positive, see the statistics change; then 50,000 points on a chart and 1,000
 * anomalies in the feed, with the time to first render printed. Screenshots of every page go to
 * target/console-screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class ConsoleBrowserTest {

    private static final Path SHOTS = Path.of("target", "console-screenshots");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BOOTSTRAP = KafkaTestBroker.bootstrapServers();
    private static final ConsoleStandIns SERVICES = new ConsoleStandIns(BOOTSTRAP);
    private static Chromium chromium;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        StandInRoutes.allTo(registry, SERVICES::url);
        registry.add("spring.kafka.bootstrap-servers", () -> BOOTSTRAP);
    }

    @BeforeAll
    static void start() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP))) {
            admin.createTopics(List.of(new NewTopic(Topics.ANOMALIES.name(), 1, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        Files.createDirectories(SHOTS);
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

    @Autowired
    AnomalyFeed feed;

    private String base() {
        return "http://127.0.0.1:" + environment.getRequiredProperty("local.server.port") + "/";
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /** A fresh browser profile; the page's errors and console errors go to the test output. */
    private static BrowserContext context() {
        BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(1280, 860).setLocale("en-GB").setTimezoneId("UTC"));
        context.onPage(page -> {
            page.onPageError(error -> System.out.println("console page error: " + error));
            page.onConsoleMessage(message -> {
                if (message.type().equals("error")) {
                    System.out.println("console error: " + message.text());
                }
            });
        });
        return context;
    }

    @Test
    void anOperatorSignsInUploadsSeesTheAnomalyPushedOpensItAndMarksItAFalsePositive() throws Exception {
        SERVICES.stored.clear();
        await().atMost(Duration.ofSeconds(30)).until(feed::assigned);
        try (BrowserContext context = context()) {
            Page page = context.newPage();
            page.navigate(base());
            page.locator("#token").waitFor();
            shot(page, "01-sign-in");
            page.fill("#token", TestTokens.token("console-analyst", Role.ANALYST));
            page.click("#signin");

            page.locator("#stats-total").waitFor();
            page.waitForFunction("() => window.energywatchConsole.feedConnected");
            await().atMost(Duration.ofSeconds(10)).until(() -> feed.subscribers() >= 1);
            assertThat(page.textContent("dd[data-status='FALSE_POSITIVE']")).isEqualTo("0");
            page.locator("#kpi-anomalies").waitFor();
            assertThat(page.textContent("#kpi-anomalies [data-severity='CRITICAL']")).isEqualTo("CRITICAL 0");
            // Drift status (the worst of the models' latest reports) and the carbon of the runs.
            assertThat(page.textContent("#kpi-drift .value")).isEqualTo("MODERATE");
            assertThat(page.textContent("#kpi-carbon .value")).isEqualTo("41.7 g CO₂e");
            todayVersusForecast(page);
            shot(page, "02-overview");

            // The CSV goes to /detect: the anomalies are counted and drawn.
            Path csv = Files.createTempFile("console-upload", ".csv");
            StringBuilder lines = new StringBuilder("timestamp,value\n");
            Instant t0 = Instant.parse("2024-06-30T00:00:00Z");
            for (int i = 0; i < 48; i++) {
                lines.append(t0.plus(Duration.ofMinutes(30L * i))).append(',')
                        .append(i == 40 || i == 41 ? 91_250 : 52_000 + (i % 7) * 300).append('\n');
            }
            Files.writeString(csv, lines);
            page.click("nav a[href='#/upload']");
            page.setInputFiles("#detect-file", csv);
            page.click("#detect-submit");
            page.waitForSelector("#detect-result[data-anomalies]");
            assertThat(page.getAttribute("#detect-result", "data-anomalies")).isEqualTo("2");
            assertThat(page.textContent("#detect-result")).isEqualTo("2 anomalies in 48 rows (detector cad)");
            assertThat(page.locator("#detect-anomalies tbody tr").count()).isEqualTo(2);

            // The same file to ingestion: its job ends, and the anomaly the pipeline found is pushed to the feed.
            page.setInputFiles("#ingest-file", csv);
            page.click("#ingest-submit");
            await().atMost(Duration.ofSeconds(10)).until(() -> SERVICES.publishedAt.size() == 1);
            String id = SERVICES.publishedAt.keySet().iterator().next();
            page.waitForFunction("id => window.energywatchConsole.arrivals[id] !== undefined", id,
                    new Page.WaitForFunctionOptions().setTimeout(5_000));
            long arrived = ((Number) page.evaluate("id => window.energywatchConsole.arrivals[id]", id)).longValue();
            long latency = arrived - SERVICES.publishedAt.get(id);
            System.out.println("console: anomaly " + id + " shown in the browser " + latency
                    + " ms after its publication");
            assertThat(latency).isLessThan(2_000);
            page.locator("#banner:not([hidden])").waitFor();
            assertThat(page.textContent("#banner")).contains("CRITICAL").contains(ConsoleStandIns.SERIES);
            page.waitForSelector("#ingest-job[data-status='SUCCEEDED']");
            assertThat(page.evaluate("() => document.getElementById('ingest-progress').value")).isEqualTo(100);
            assertThat(layers(page, "#detect-chart")).isEqualTo(Map.of("line", 48, "markers", 2));
            shot(page, "03-upload");

            page.click("nav a[href='#/']");
            page.locator("#feed tr[data-id='" + id + "']").waitFor();
            assertThat(page.textContent("#stats-total")).isEqualTo("1");
            assertThat(page.textContent("dd[data-status='OPEN']")).isEqualTo("1");
            page.locator("#kpi-anomalies [data-severity='CRITICAL']:has-text('CRITICAL 1')").waitFor();
            // Times in Europe/Paris whatever the browser's zone (UTC here): 20:00Z is 22:00 in Paris in summer.
            assertThat(page.textContent("#feed tr[data-id='" + id + "'] td")).isEqualTo("30/06/2024, 22:00");
            shot(page, "04-overview-alert");

            page.click("#feed tr[data-id='" + id + "'] a");
            page.locator("#anomaly-recommendation").waitFor();
            assertThat(page.textContent("#anomaly-status")).isEqualTo("OPEN");
            assertThat(page.locator("#anomaly tbody tr").count()).isEqualTo(3);
            assertThat(page.textContent("#anomaly-time")).isEqualTo("30/06/2024, 22:00 → 30/06/2024, 22:30");
            Map<String, Object> stored = SERVICES.stored.getFirst();
            assertThat(page.textContent("#anomaly-expected")).isEqualTo(decimal(stored.get("expectedMw")) + " ("
                    + decimal(stored.get("expectedLowMw")) + " – " + decimal(stored.get("expectedHighMw")) + ") MW");
            assertThat(page.textContent("#anomaly-cost")).isEqualTo(whole(stored.get("costImpactEur")) + " €");
            assertThat(page.textContent("#anomaly-recommendation")).isEqualTo(stored.get("recommendation"));
            // The series around it with the expected range as a band and the anomaly marked.
            page.waitForSelector("#anomaly-chart[data-layers]");
            assertThat(layers(page, "#anomaly-chart")).isEqualTo(Map.of("line", 200, "expected", 2, "markers", 1));
            shot(page, "05-anomaly");
            page.click("#false-positive");
            page.waitForSelector("#anomaly-message:has-text('FALSE_POSITIVE')");
            assertThat(SERVICES.feedback).containsExactly(id + " FALSE_POSITIVE");

            page.click("nav a[href='#/']");
            page.locator("#stats-total").waitFor();
            assertThat(page.textContent("dd[data-status='FALSE_POSITIVE']")).isEqualTo("1");
            assertThat(page.textContent("dd[data-status='OPEN']")).isEqualTo("0");
            assertThat(page.textContent("#stats-precision")).isEqualTo("0 %");

            page.click("nav a[href='#/series']");
            // The chart shown says when its forecast is in (it may come after the measured line). Checked on the
            // chart in the page at that moment: the page may be rendered twice, and a settled chart of the first
            // render was once read while the second one, in its place, still waited for its forecast.
            page.waitForFunction("() => { const c = document.querySelector('#series-chart');"
                    + " return c !== null && c.dataset.forecastSettled !== undefined; }");
            // A page that failed, or settled without its forecast, says why in the summary line.
            assertThat(page.getAttribute("#series-chart", "data-forecast-settled"))
                    .as("the page says: %s", page.textContent("#series-summary")).isEqualTo("true");
            assertThat(page.getAttribute("#series-chart", "data-forecast-days"))
                    .as("forecast days; the page says: %s", page.textContent("#series-summary")).isEqualTo("8");
            assertThat(page.getAttribute("#series-chart", "data-points")).isEqualTo("336");
            // Series by region: each option names its region (INSEE code → name, FR the nation).
            assertThat(page.locator("#series-select option").allTextContents())
                    .containsExactly(ConsoleStandIns.SERIES + " · France",
                            ConsoleStandIns.BIG_SERIES + " · Île-de-France");
            assertThat(page.getAttribute("#series-chart", "data-markers")).isEqualTo("1");
            // One strike day (48 half-hours) in the week shown, shaded behind the curve.
            assertThat(page.getAttribute("#series-chart", "data-strike-records")).isEqualTo("48");
            forecastBesideTheActual(page);
            shot(page, "06-consumption");

            page.click("nav a[href='#/drift']");
            page.locator("#drift article").waitFor();
            assertThat(page.locator("#drift tbody tr").count()).isEqualTo(2);
            assertThat(page.locator("#drift tbody tr").first().textContent())
                    .isEqualTo("RETRAINanomaly-iforesttempMeanC drifted (PSI 0.23 over 0.2)");
            shot(page, "07-drift");

            page.navigate(base() + "#/forecasts?series=" + ConsoleStandIns.SERIES + "&horizon=1");
            page.locator("#forecast-accuracy tbody tr").first().waitFor();
            assertThat(page.locator("#forecast-issued tbody tr").count()).isEqualTo(7);
            // Forecasts by horizon with their realised accuracy: the horizon's groups marked, and each scored day of
            // the last 30 (the stand-in's week) beside its forecast, inside the 80 % band.
            assertThat(page.locator("#forecast-accuracy tr.current").count()).isEqualTo(2);
            assertThat(page.locator("#forecast-realised tbody tr").count()).isEqualTo(7);
            assertThat(page.locator("#forecast-realised tbody tr[data-inside80='true']").count()).isEqualTo(7);
            assertThat(page.getAttribute("#forecast-realised tbody tr", "data-date")).isEqualTo("2024-06-30");
            assertThat(layers(page, "#realised-chart"))
                    .isEqualTo(Map.of("actual", 14, "forecast", 16, "band80", 16, "band95", 16));
            shot(page, "08-forecasts");

            // French labels at the flick of the toggle.
            page.click("#lang");
            page.waitForSelector("nav a[href='#/']:has-text('Prévisions'), nav a:has-text('Synthèse')");
            assertThat(page.textContent("nav a[href='#/']")).isEqualTo("Synthèse");
            page.click("nav a[href='#/']");
            page.locator("#stats-total").waitFor();
            shot(page, "09-overview-fr");
            page.click("#lang");
        }
    }

    /**
     * The week's chart beside its day-ahead forecast: the 7 days of the window and the day after it, drawn as steps of
     * the day's mean power with the 80 % and 95 % bands as filled areas (pixels inside the bands are painted, darker
     * in the 80 % band, and the plot above them is not), and a tooltip giving the day's bounds.
     */
    private static void forecastBesideTheActual(Page page) {
        assertThat(page.getAttribute("#series-chart", "data-forecast-days"))
                .as("forecast days; the page says: %s", page.textContent("#series-summary")).isEqualTo("8");
        // Each layer and the points it drew: 8 contiguous days are 16 step points for the line and each band.
        assertThat(layers(page, "#series-chart")).isEqualTo(Map.of("actual", 336, "forecast", 16, "band80", 16,
                "band95", 16, "temperature", 336, "markers", 1));
        assertThat(page.textContent("#series-summary")).endsWith("8 forecast days");
        assertThat(page.locator("#series-legend .key").allTextContents()).contains("actual",
                "forecast (1-day horizon, day mean)", "80 % band", "95 % band");
        // 25 June (no strike or holiday shading): median alpha of the 80 % band, of the 95 % band above it, and of
        // the plot above the 95 % band, over the day's columns.
        Map<?, ?> alpha = (Map<?, ?>) page.evaluate("""
                () => {
                  const chart = window.energywatchConsole.charts['series-chart'];
                  const day = chart.forecast[1];
                  const canvas = document.getElementById('series-chart');
                  const ratio = canvas.width / canvas.clientWidth;
                  const g = canvas.getContext('2d');
                  const x0 = chart.px(day.start) + 3, x1 = chart.px(day.end) - 3;
                  const median = (top, bottom) => {
                    const w = Math.round((x1 - x0) * ratio), h = Math.round((bottom - top) * ratio);
                    const data = g.getImageData(Math.round(x0 * ratio), Math.round(top * ratio), w, h).data;
                    const values = [];
                    for (let i = 3; i < data.length; i += 4) values.push(data[i]);
                    values.sort((a, b) => a - b);
                    return values[values.length >> 1];
                  };
                  const top95 = chart.py(day.high95), top80 = chart.py(day.high80);
                  return {date: day.date, band80: median(top80 + 2, chart.py(day.low80) - 2),
                    band95: median(top95 + 2, top80 - 2), above: median(top95 - 22, top95 - 4)};
                }""");
        System.out.println("console: forecast band alpha on " + alpha);
        assertThat(alpha.get("date")).isEqualTo("2024-06-25");
        int band80 = ((Number) alpha.get("band80")).intValue();
        int band95 = ((Number) alpha.get("band95")).intValue();
        assertThat(((Number) alpha.get("above")).intValue()).isZero();
        assertThat(band95).isGreaterThan(20);
        assertThat(band80).isGreaterThan(band95 + 20);

        // The tooltip at that day gives the forecast's bounds and the realised day mean.
        Map<?, ?> day = (Map<?, ?>) page.evaluate("""
                () => {
                  const chart = window.energywatchConsole.charts['series-chart'];
                  const day = chart.forecast[1];
                  return {...day, x: chart.px((day.start + day.end) / 2), y: chart.py(day.high95) - 10};
                }""");
        var box = page.locator("#series-chart").boundingBox();
        page.mouse().move(box.x + ((Number) day.get("x")).doubleValue(), box.y + ((Number) day.get("y")).doubleValue());
        page.locator("#series-chart-tip:not([hidden])").waitFor();
        String tip = page.textContent("#series-chart-tip");
        assertThat(tip).contains("2024-06-25, D+1")
                .contains("80 %: " + whole(day.get("low80")) + " – " + whole(day.get("high80")) + " MW")
                .contains("95 %: " + whole(day.get("low95")) + " – " + whole(day.get("high95")) + " MW")
                .contains("realised (day mean): " + whole(day.get("actual")) + " MW, inside the 80 % band");
    }

    /**
     * The overview's "today": the national series' last complete day (30 June) against its day-ahead forecast, and the
     * next day's forecast with its 80 % band.
     */
    private static void todayVersusForecast(Page page) {
        page.locator("#kpi-today-detail").waitFor();
        LocalDate today = ConsoleStandIns.LAST_BASE_DAY;
        double actual = ConsoleStandIns.dayActualMwh(false, today);
        double forecast = ConsoleStandIns.dayForecastMwh(false, today);
        double next = ConsoleStandIns.dayForecastMwh(false, today.plusDays(1));
        double deviation = (actual - forecast) / forecast * 100;
        assertThat(page.textContent("#kpi-today .value")).isEqualTo(whole(actual) + " MWh");
        assertThat(page.textContent("#kpi-today-detail")).isEqualTo(ConsoleStandIns.SERIES
                + "2024-06-30: forecast " + whole(forecast) + " MWh, actual " + (deviation >= 0 ? "+" : "")
                + decimal(deviation) + " % vs forecast"
                + "2024-07-01: forecast " + whole(next) + " MWh (80 %: " + whole(next * 0.96) + " – "
                + whole(next * 1.04) + ")");
    }

    /** The layers a chart drew and their points, as it exposes them on data-layers. */
    private static Map<?, ?> layers(Page page, String canvas) {
        return JSON.readValue(page.getAttribute(canvas, "data-layers"), Map.class);
    }

    /** A power or energy as the console shows it: whole units, en-GB grouping. */
    private static String whole(Object value) {
        return format(value, 0);
    }

    /** One decimal at most, as the console's number(v, 1). */
    private static String decimal(Object value) {
        return format(value, 1);
    }

    /** As Intl.NumberFormat('en-GB', {maximumFractionDigits}) does: grouping, halves away from zero. */
    private static String format(Object value, int digits) {
        var format = new DecimalFormat(digits == 0 ? "#,##0" : "#,##0.#", DecimalFormatSymbols.getInstance(Locale.UK));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(((Number) value).doubleValue());
    }

    @Test
    void fiftyThousandPointsAndAThousandAnomaliesRenderAndTheTimeToFirstRenderIsPrinted() {
        SERVICES.storeMany(1_000);
        String token = TestTokens.token("console-viewer", Role.VIEWER);
        try (BrowserContext context = context()) {
            // Signed in already (the first page a context opens is about:blank, which has no storage).
            context.addInitScript("if (location.protocol === 'http:') sessionStorage.setItem('energywatch.token', '"
                    + token + "')");

            Page feedPage = context.newPage();
            feedPage.navigate(base());
            feedPage.waitForFunction("() => window.energywatchConsole.timings.feed",
                    null, new Page.WaitForFunctionOptions().setTimeout(30_000));
            assertThat(feedPage.locator("#feed tbody tr").count()).isEqualTo(1_000);
            assertThat(feedPage.textContent("#feed-count")).isEqualTo("1,000");
            Map<?, ?> feedTiming = (Map<?, ?>) feedPage.evaluate("() => window.energywatchConsole.timings.feed");
            System.out.println("console: 1,000 anomalies in the feed: first render " + feedTiming.get("firstRenderMs")
                    + " ms after navigation (rows built and laid out in " + feedTiming.get("renderMs") + " ms)");
            shot(feedPage, "10-feed-1000");
            feedPage.close();

            Page chartPage = context.newPage();
            chartPage.navigate(base() + "#/series?id=" + ConsoleStandIns.BIG_SERIES + "&hours=26280");
            chartPage.waitForFunction("() => window.energywatchConsole.timings.series",
                    null, new Page.WaitForFunctionOptions().setTimeout(60_000));
            chartPage.waitForSelector("#series-chart[data-forecast-settled]");
            assertThat(chartPage.getAttribute("#series-chart", "data-points")).isEqualTo("50000");
            // Read as the fusion's downsampled view: 2,000 buckets of 25 records in one request, not 50 pages.
            assertThat(chartPage.getAttribute("#series-chart", "data-buckets")).isEqualTo("2000");
            assertThat(chartPage.getAttribute("#series-chart", "data-markers")).isEqualTo("1000");
            // The day-ahead forecast of every day of the series and of the day after it, with both bands.
            long forecastDays = ChronoUnit.DAYS.between(ConsoleStandIns.firstForecastDay(true),
                    ConsoleStandIns.LAST_BASE_DAY.plusDays(2));
            assertThat(chartPage.getAttribute("#series-chart", "data-forecast-days"))
                    .isEqualTo(String.valueOf(forecastDays));
            Map<?, ?> chartTiming = (Map<?, ?>) chartPage.evaluate("() => window.energywatchConsole.timings.series");
            System.out.println("console: 50,000 points and 1,000 anomaly marks on a chart: first render "
                    + chartTiming.get("firstRenderMs") + " ms after navigation (" + chartTiming.get("fetchMs")
                    + " ms fetching the view of " + chartTiming.get("buckets") + " buckets through the gateway, "
                    + chartTiming.get("drawMs") + " ms drawing); its " + chartTiming.get("forecastDays")
                    + " forecast days with their bands drawn " + (Boolean.TRUE.equals(
                    chartTiming.get("forecastDrawnWithTheLine")) ? "with the line" : "over it at "
                    + chartTiming.get("forecastRenderMs") + " ms"));
            shot(chartPage, "11-chart-50000");
        }
        SERVICES.stored.clear();
    }
}
