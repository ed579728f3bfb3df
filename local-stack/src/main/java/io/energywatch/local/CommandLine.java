package io.energywatch.local;

import io.energywatch.service.security.Role;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Parses the arguments of {@code ./energywatch} into a {@link Command}. */
final class CommandLine {

    static final String USAGE = """
            Usage: ./energywatch COMMAND
              stack up|down|status     the local Kafka, Elasticsearch and MongoDB (wire server) as background processes
              up                       stack up, then every built service (gateway, ingestion, fusion, anomaly, ...)
              down                     stop the services, then the stack
              reset                    down, then delete all local data (Kafka, Elasticsearch, MongoDB, the
                                       fusion's state, model registries, upload spool); logs stay
              status                   the stack and each service: running, healthy or stopped, pid, resident
                                       memory (RSS) and the total, URL
              demo [--data DIR]        up, then feed ingestion-service (the simulator, or every file of DIR), wait
                                       until the pipeline has drained and print a summary; everything stays running
              demo --real [--data DIR] the same with the public datasets: the national 2012-2022 file, the weather
                                       history and the SNCF movements from ../shared/datasets (or DIR)
              ingest FILE [--kind K] [--format F] [--duplicates P]
                                       upload FILE through the gateway and follow the job; K is consumption,
                                       weather or social-movements (guessed when absent); P decides repeated
                                       timestamps of a consumption series: first (default), last, mean or reject
              token --role R [--ttl D] [--subject S]
                                       print a token of this installation (its key pair is in .energywatch/keys/):
                                       R is viewer, operator, analyst or admin; D like 30m, 8h, 30d or PT8H
                                       (default 8h); S names the caller, a person or a machine client (default
                                       the user's login). Use: curl -H "Authorization: Bearer $TOKEN" ...
              kibana import URL [--space S] [--file F]
                                       import the data views, visualizations and dashboards of
                                       kibana/energywatch.ndjson (or F) into the Kibana at URL (into space S),
                                       overwriting them; KIBANA_USERNAME and KIBANA_PASSWORD sign in when set
            Work folder: .energywatch/ (data, logs/, pids/). Ports come from
            service-support/src/main/resources/energywatch-platform.yml.""";

    private CommandLine() {
    }

    /** Options, flags given and positional arguments of one subcommand. */
    private record Parsed(Map<String, String> options, Set<String> flags, List<String> positionals) {
        Optional<String> option(String name) {
            return Optional.ofNullable(options.get(name));
        }
    }

    static Command parse(List<String> args) {
        if (args.isEmpty() || Set.of("help", "-h", "--help").contains(args.getFirst())) {
            return new Command.Help();
        }
        String name = args.getFirst();
        List<String> rest = args.subList(1, args.size());
        return switch (name) {
            case "stack" -> stack(rest);
            case "up" -> noArguments(name, rest, new Command.Up());
            case "down" -> noArguments(name, rest, new Command.Down());
            case "status" -> noArguments(name, rest, new Command.Status());
            case "reset" -> noArguments(name, rest, new Command.Reset());
            case "demo" -> {
                Parsed parsed = parse(name, rest, Set.of("--data"), Set.of("--real"));
                if (!parsed.positionals().isEmpty()) {
                    throw new UsageException("demo takes no argument besides --real and --data DIR, got "
                            + parsed.positionals());
                }
                yield new Command.RunDemo(parsed.option("--data").map(Path::of), parsed.flags().contains("--real"));
            }
            case "ingest" -> ingest(rest);
            case "token" -> token(rest);
            case "kibana" -> kibana(rest);
            default -> throw new UsageException("unknown command '" + name + "'");
        };
    }

    private static Command stack(List<String> rest) {
        if (rest.size() != 1) {
            throw new UsageException("stack needs exactly one of up, down, status");
        }
        return switch (rest.getFirst()) {
            case "up" -> new Command.StackUp();
            case "down" -> new Command.StackDown();
            case "status" -> new Command.StackStatus();
            default -> throw new UsageException("stack needs up, down or status, not '" + rest.getFirst() + "'");
        };
    }

    /** ingestion-service's duplicates policies ({@code duplicates=} of an upload). */
    static final List<String> DUPLICATES = List.of("first", "last", "mean", "reject");

    private static Command ingest(List<String> rest) {
        Parsed parsed = parse("ingest", rest, Set.of("--kind", "--format", "--duplicates"), Set.of());
        if (parsed.positionals().size() != 1) {
            throw new UsageException("ingest needs exactly one FILE, got " + parsed.positionals().size());
        }
        Optional<String> kind = parsed.option("--kind");
        kind.filter(k -> !KindGuess.KINDS.contains(k)).ifPresent(k -> {
            throw new UsageException("--kind must be one of " + String.join(", ", KindGuess.KINDS) + ", not '" + k + "'");
        });
        Optional<String> duplicates = parsed.option("--duplicates");
        duplicates.filter(p -> !DUPLICATES.contains(p)).ifPresent(p -> {
            throw new UsageException("--duplicates must be one of " + String.join(", ", DUPLICATES) + ", not '" + p
                    + "'");
        });
        return new Command.Ingest(Path.of(parsed.positionals().getFirst()), kind, parsed.option("--format"),
                duplicates);
    }

    private static Command token(List<String> rest) {
        Parsed parsed = parse("token", rest, Set.of("--role", "--ttl", "--subject"), Set.of());
        if (!parsed.positionals().isEmpty()) {
            throw new UsageException("token takes no positional argument, got " + parsed.positionals());
        }
        String roleName = parsed.option("--role").orElseThrow(() -> new UsageException(
                "token needs --role, one of viewer, operator, analyst, admin"));
        Role role = Role.fromClaim(roleName).orElseThrow(() -> new UsageException(
                "--role must be one of viewer, operator, analyst, admin, not '" + roleName + "'"));
        Duration ttl = parsed.option("--ttl").map(CommandLine::duration).orElse(Duration.ofHours(8));
        String subject = parsed.option("--subject").orElse(System.getProperty("user.name", "energywatch-user"));
        if (subject.isBlank()) {
            throw new UsageException("--subject must not be blank");
        }
        return new Command.Token(role, ttl, subject);
    }

    private static Command kibana(List<String> rest) {
        if (rest.isEmpty() || !rest.getFirst().equals("import")) {
            throw new UsageException("kibana needs the subcommand import");
        }
        Parsed parsed = parse("kibana import", rest.subList(1, rest.size()), Set.of("--space", "--file"), Set.of());
        if (parsed.positionals().size() != 1) {
            throw new UsageException("kibana import needs exactly one URL, got " + parsed.positionals().size());
        }
        String text = parsed.positionals().getFirst();
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw new UsageException("kibana import needs a URL like http://localhost:5601, not '" + text + "'");
        }
        if (!Set.of("http", "https").contains(String.valueOf(url.getScheme())) || url.getHost() == null) {
            throw new UsageException("kibana import needs a URL like http://localhost:5601, not '" + text + "'");
        }
        Optional<String> space = parsed.option("--space");
        space.filter(s -> !KibanaImport.SPACE.matcher(s).matches()).ifPresent(s -> {
            throw new UsageException("--space must be a Kibana space id (lowercase letters, digits, _ and -), not '"
                    + s + "'");
        });
        return new Command.KibanaImport(url, space, parsed.option("--file").map(Path::of));
    }

    /** 30m, 8h, 30d, or ISO-8601 (PT8H, P30D); positive. */
    static Duration duration(String text) {
        Duration d;
        try {
            var shortForm = java.util.regex.Pattern.compile("([0-9]+)([mhd])").matcher(text);
            if (shortForm.matches()) {
                long n = Long.parseLong(shortForm.group(1));
                d = switch (shortForm.group(2)) {
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            } else {
                d = Duration.parse(text);
            }
        } catch (java.time.format.DateTimeParseException | ArithmeticException e) {
            throw new UsageException("--ttl must be like 30m, 8h, 30d or PT8H, not '" + text + "'");
        }
        if (d.isNegative() || d.isZero()) {
            throw new UsageException("--ttl must be positive, not '" + text + "'");
        }
        return d;
    }

    private static Command noArguments(String name, List<String> rest, Command command) {
        if (!rest.isEmpty()) {
            throw new UsageException(name + " takes no arguments, got " + rest);
        }
        return command;
    }

    /**
     * Accepts {@code --name value} and {@code --name=value} for the options, {@code --name} alone for the flags;
     * anything else starting with "--" is an error.
     */
    private static Parsed parse(String command, List<String> args, Set<String> known, Set<String> knownFlags) {
        var options = new HashMap<String, String>();
        var flags = new HashSet<String>();
        var positionals = new ArrayList<String>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                positionals.add(arg);
                continue;
            }
            if (knownFlags.contains(arg)) {
                if (!flags.add(arg)) {
                    throw new UsageException(arg + " is given twice");
                }
                continue;
            }
            int equals = arg.indexOf('=');
            String option = equals < 0 ? arg : arg.substring(0, equals);
            if (knownFlags.contains(option)) {
                throw new UsageException(option + " takes no value");
            }
            if (!known.contains(option)) {
                throw new UsageException(command + " has no option " + option);
            }
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                value = args.get(++i);
            } else {
                throw new UsageException(option + " needs a value");
            }
            if (value.isBlank()) {
                throw new UsageException(option + " needs a value");
            }
            if (options.put(option, value) != null) {
                throw new UsageException(option + " is given twice");
            }
        }
        return new Parsed(options, flags, positionals);
    }
}
