package io.energywatch.local;

import io.energywatch.service.security.Role;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code ./energywatch} command: starts and stops the local stack and the services as background processes,
 * reports their state, runs the demo and uploads files to ingestion-service. Run through the ./energywatch script,
 * which builds what changed and passes the checkout as {@code -Denergywatch.home}.
 */
public final class EnergyWatchCli {

    /** Elasticsearch needs 15-30 s on an idle 2-core machine; much more while a build runs beside it. */
    private static final Duration STACK_TIMEOUT = Duration.ofMinutes(3);
    /** Six Spring Boot services starting together on two cores. */
    private static final Duration SERVICE_TIMEOUT = Duration.ofMinutes(5);
    /** The CLI's own tokens: renewed at half their life, so a short life is enough. */
    private static final Duration API_TOKEN_TTL = Duration.ofMinutes(10);

    private final Workspace workspace;
    private final PlatformConfig platform;
    private final HttpClient http;
    private final JsonMapper json;
    private final Supervisor stackSupervisor;
    private final Supervisor serviceSupervisor;
    private final List<ManagedServer> stack;
    private final List<SpringBootService> services;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;

    EnergyWatchCli(Workspace workspace, PrintStream out, PrintStream err, boolean terminal) {
        this.workspace = workspace;
        this.platform = PlatformConfig.load(workspace.platformFile());
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        this.json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        var processes = new LocalProcesses(Path.of("/proc"), workspace.dir());
        var launcher = new DetachedLauncher();
        var java = JavaRuntime.current();
        var probe = new HttpProbe(http, json);
        this.stackSupervisor = new Supervisor(processes, workspace, platform.host(), "./energywatch stack down", out);
        this.serviceSupervisor = new Supervisor(processes, workspace, platform.host(), "./energywatch down", out);
        this.stack = List.of(
                new KafkaBroker(workspace, platform, java, processes, launcher),
                new ElasticsearchNode(workspace, platform, java, processes, launcher, probe),
                new MongoWireServer(workspace, platform, java, processes, launcher));
        this.services = PlatformService.ALL.stream()
                .map(service -> new SpringBootService(service, workspace, platform, java, processes, launcher, probe))
                .toList();
    }

    public static void main(String[] args) {
        // The Kafka admin and Mongo clients log through slf4j-simple; the command prints its own messages instead.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        }
        System.exit(run(List.of(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            Command command = CommandLine.parse(args);
            if (command instanceof Command.Help) {
                out.println(CommandLine.USAGE);
                return 0;
            }
            Path home = Path.of(System.getProperty("energywatch.home", System.getProperty("user.dir")));
            return new EnergyWatchCli(new Workspace(home), out, err, JobWatcher.stdoutIsTerminal()).execute(command);
        } catch (UsageException e) {
            err.println("energywatch: " + e.getMessage());
            err.println(CommandLine.USAGE);
            return 2;
        } catch (StackException e) {
            err.println("energywatch: " + e.getMessage());
            return 1;
        }
    }

    int execute(Command command) {
        return switch (command) {
            case Command.StackUp _ -> exitCode(stackUp());
            case Command.StackDown _ -> exitCode(stackDown());
            case Command.StackStatus _ -> {
                printStatus(stack.stream().map(stackSupervisor::status).toList());
                yield 0;
            }
            case Command.Up _ -> exitCode(up());
            // & rather than &&: the stack stops even when a service's port stays taken.
            case Command.Down _ -> exitCode(servicesDown() & stackDown());
            case Command.Status _ -> {
                printStatus(allStatuses());
                yield 0;
            }
            case Command.Reset _ -> reset();
            case Command.RunDemo demo -> demo(input(demo));
            case Command.Ingest ingest -> ingest(ingest.file().toAbsolutePath(), ingest.kind(), ingest.format(),
                    ingest.duplicates());
            case Command.Token token -> {
                // Only the token on stdout, so TOKEN=$(./energywatch token --role viewer) works.
                out.println(LocalTokens.open(workspace, platform).mint(token.subject(), token.role(), token.ttl()));
                err.printf("a %s token for '%s', valid %s, issuer %s (keys in %s)%n", token.role().claimValue(),
                        token.subject(), token.ttl(), platform.tokenIssuer(), workspace.display(workspace.keys()));
                yield 0;
            }
            case Command.KibanaImport kibana -> new KibanaImport(http, json,
                    KibanaImport.Credentials.from(System.getenv())).run(kibana.url(), kibana.space(),
                    kibana.file().map(Path::toAbsolutePath)
                            .orElse(workspace.root().resolve(KibanaImport.DEFAULT_FILE)), out, err);
            case Command.Help _ -> {
                out.println(CommandLine.USAGE);
                yield 0;
            }
        };
    }

    private static int exitCode(boolean success) {
        return success ? 0 : 1;
    }

    private boolean stackUp() {
        try {
            workspace.createDirectories();
        } catch (IOException e) {
            throw new StackException("cannot create the work folder " + workspace.dir() + ": " + e.getMessage(), e);
        }
        out.println("Local stack (work folder " + workspace.display(workspace.dir()) + ")");
        // All or nothing: a half-started stack is more confusing than a clear error about one port.
        List<String> problems = stackSupervisor.up(stack, STACK_TIMEOUT, Supervisor.OnPortTaken.START_NONE);
        if (!problems.isEmpty()) {
            problems.forEach(problem -> err.println("energywatch: " + problem));
            return false;
        }
        out.println();
        printStatus(stack.stream().map(stackSupervisor::status).toList());
        return true;
    }

    /** Down, then the data folders deleted; refuses when something still runs, so no server loses files under it. */
    private int reset() {
        if (!(servicesDown() & stackDown())) {
            err.println("energywatch: something is still running; nothing was deleted (see ./energywatch status)");
            return 1;
        }
        try {
            workspace.deleteData().forEach(dir -> out.println("deleted " + workspace.display(dir)));
        } catch (IOException e) {
            throw new StackException("cannot delete the local data: " + e.getMessage(), e);
        }
        return 0;
    }

    private boolean stackDown() {
        out.println("Stopping the local stack");
        return stackSupervisor.down(stack, stack.stream().map(ManagedServer::name).toList());
    }

    private boolean up() {
        if (!stackUp()) {
            return false;
        }
        out.println();
        out.println("Services");
        // The key pair the services' local profile trusts must exist before they start.
        LocalTokens.open(workspace, platform);
        var built = new ArrayList<ManagedServer>();
        for (SpringBootService service : services) {
            if (service.built()) {
                built.add(service);
            } else {
                out.printf("%-18s not built (%s is missing): skipped%n", service.name(),
                        workspace.display(service.jar()));
            }
        }
        List<String> problems = built.isEmpty() ? List.of() : serviceSupervisor.up(built, SERVICE_TIMEOUT,
                Supervisor.OnPortTaken.SKIP_THAT_SERVER);
        problems.forEach(problem -> err.println("energywatch: " + problem));
        out.println();
        printStatus(allStatuses());
        return problems.isEmpty();
    }

    private boolean servicesDown() {
        out.println("Stopping the services");
        return serviceSupervisor.down(List.copyOf(services), services.stream().map(ManagedServer::name).toList());
    }

    private List<ServerStatus> allStatuses() {
        var statuses = new ArrayList<>(stack.stream().map(stackSupervisor::status).toList());
        for (SpringBootService service : services) {
            ServerStatus status = serviceSupervisor.status(service);
            boolean notBuilt = !service.built() && status.state() == ServerStatus.State.STOPPED;
            statuses.add(notBuilt ? status.withState(ServerStatus.State.NOT_BUILT) : status);
        }
        return statuses;
    }

    /** One line per server with its resident memory (its process tree's), then their total. */
    private void printStatus(List<ServerStatus> statuses) {
        var rows = new ArrayList<List<String>>(statuses.stream().map(status -> List.of(status.name(),
                status.state().label(), status.pidText(), status.residentText(), status.url())).toList());
        long total = statuses.stream().mapToLong(status -> status.residentBytes().orElse(0)).sum();
        rows.add(List.of("total", "", "", ServerStatus.megabytes(total), ""));
        out.println(new TextTable(List.of("NAME", "STATE", "PID", "RSS", "URL"), rows).render());
    }

    /** What the demo ingests; the datasets folder of --real is checked before anything starts. */
    private DemoInput input(Command.RunDemo demo) {
        if (demo.real()) {
            return new DemoInput.Real(RealDatasets.locate(demo.dataDirectory(), workspace));
        }
        return demo.dataDirectory().<DemoInput>map(dir -> new DemoInput.Folder(dir.toAbsolutePath()))
                .orElseGet(DemoInput.Simulator::new);
    }

    private int demo(DemoInput input) {
        ConsumerGroups groups = ConsumerGroups.load(workspace);
        boolean everythingUp = up();
        if (stack.stream().map(stackSupervisor::status).anyMatch(s -> s.state() != ServerStatus.State.HEALTHY)) {
            err.println("energywatch: the demo needs the local stack; see the errors above");
            return 1;
        }
        boolean stepsOk;
        try (var lags = KafkaLagSource.of(platform)) {
            var drain = new PipelineDrain(lags, new ElasticsearchRefresh(http, elasticsearchUrl()),
                    platform.drainSettings(), out);
            // The demo is one API client: every call through the gateway, with an admin's token (alert rules need it).
            LocalTokens tokens = LocalTokens.open(workspace, platform);
            var context = new DemoContext(platform, api(Role.ADMIN, "energywatch-demo"), json, this::unavailable,
                    input, groups, drain, terminal, out,
                    role -> tokens.mint("energywatch-demo-" + role.claimValue(), role, API_TOKEN_TTL));
            Path datasets = input instanceof DemoInput.Real real ? real.datasets().root()
                    : workspace.root().resolve(RealDatasets.DEFAULT).normalize();
            stepsOk = new Demo(Demo.steps(context, datasets), out).run();
        }
        out.println();
        out.println("Everything is left running (stop it with ./energywatch down):");
        printStatus(allStatuses());
        return exitCode(everythingUp && stepsOk);
    }

    /** An HTTP client for the API as {@code subject} with {@code role}, its short-lived token renewed as it ages. */
    private HttpClient api(Role role, String subject) {
        LocalTokens tokens = LocalTokens.open(workspace, platform);
        return new BearerHttpClient(http, tokens.renewing(subject, role, API_TOKEN_TTL));
    }

    private URI elasticsearchUrl() {
        return URI.create("http://" + platform.host() + ":" + platform.port("elasticsearch"));
    }

    /**
     * Why a service cannot serve a demo step, or empty when it is healthy: started by us or by hand (from an IDE,
     * say), as long as it answers on its port.
     */
    private Optional<String> unavailable(String module) {
        SpringBootService service = services.stream().filter(s -> s.name().equals(module)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service module '" + module + "'"));
        if (service.healthy()) {
            return Optional.empty();
        }
        if (!service.built()) {
            return Optional.of(module + " is not built (" + workspace.display(service.jar()) + " is missing)");
        }
        ServerStatus status = serviceSupervisor.status(service);
        if (status.state() != ServerStatus.State.HEALTHY) {
            return Optional.of(module + " is " + status.state().label() + ": see " + workspace.display(service.log()));
        }
        return Optional.empty();
    }

    private int ingest(Path file, Optional<String> kind, Optional<String> format, Optional<String> duplicates) {
        if (!Files.isRegularFile(file)) {
            throw new StackException("file " + file + " does not exist or is not a regular file");
        }
        var client = new IngestionClient(api(Role.ANALYST, System.getProperty("user.name", "energywatch-cli")), json,
                PlatformService.named("gateway").url(platform));
        var upload = new FileIngestion(client, new JobWatcher(client, out, terminal), out);
        FileIngestion.Outcome outcome = upload.ingest(file, KindGuess.candidates(file, kind), format, duplicates);
        if (outcome.job().isEmpty()) {
            err.println("energywatch: ingestion-service refused " + file + ":");
            outcome.refusals().forEach(refusal -> err.println("  " + refusal));
            return 1;
        }
        IngestionJob job = outcome.job().get();
        JobReport.print(job, out);
        return exitCode(!job.failed());
    }
}
