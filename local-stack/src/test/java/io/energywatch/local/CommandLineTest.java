package io.energywatch.local;

import io.energywatch.service.security.Role;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandLineTest {

    @Test
    void stackSubcommands() {
        assertThat(CommandLine.parse(List.of("stack", "up"))).isEqualTo(new Command.StackUp());
        assertThat(CommandLine.parse(List.of("stack", "down"))).isEqualTo(new Command.StackDown());
        assertThat(CommandLine.parse(List.of("stack", "status"))).isEqualTo(new Command.StackStatus());
    }

    @Test
    void platformCommands() {
        assertThat(CommandLine.parse(List.of("up"))).isEqualTo(new Command.Up());
        assertThat(CommandLine.parse(List.of("down"))).isEqualTo(new Command.Down());
        assertThat(CommandLine.parse(List.of("status"))).isEqualTo(new Command.Status());
        assertThat(CommandLine.parse(List.of())).isEqualTo(new Command.Help());
        assertThat(CommandLine.parse(List.of("--help"))).isEqualTo(new Command.Help());
    }

    @Test
    void tokenTakesARoleAndOptionallyALifeAndASubject() {
        assertThat(CommandLine.parse(List.of("token", "--role", "analyst", "--ttl", "30d", "--subject", "billing")))
                .isEqualTo(new Command.Token(Role.ANALYST, Duration.ofDays(30), "billing"));
        assertThat(CommandLine.parse(List.of("token", "--role=VIEWER", "--ttl=PT90M", "--subject=desk")))
                .isEqualTo(new Command.Token(Role.VIEWER, Duration.ofMinutes(90), "desk"));
        assertThat(((Command.Token) CommandLine.parse(List.of("token", "--role", "admin"))).ttl())
                .isEqualTo(Duration.ofHours(8));
        assertThatThrownBy(() -> CommandLine.parse(List.of("token")))
                .hasMessage("token needs --role, one of viewer, operator, analyst, admin");
        assertThatThrownBy(() -> CommandLine.parse(List.of("token", "--role", "root")))
                .hasMessage("--role must be one of viewer, operator, analyst, admin, not 'root'");
        assertThatThrownBy(() -> CommandLine.parse(List.of("token", "--role", "viewer", "--ttl", "forever")))
                .hasMessage("--ttl must be like 30m, 8h, 30d or PT8H, not 'forever'");
        assertThatThrownBy(() -> CommandLine.parse(List.of("token", "--role", "viewer", "--ttl", "0m")))
                .hasMessage("--ttl must be positive, not '0m'");
    }

    @Test
    void demoTakesAnOptionalDataFolderInEitherSpelling() {
        assertThat(CommandLine.parse(List.of("demo"))).isEqualTo(new Command.RunDemo(Optional.empty(), false));
        assertThat(CommandLine.parse(List.of("demo", "--data", "data/in")))
                .isEqualTo(new Command.RunDemo(Optional.of(Path.of("data/in")), false));
        assertThat(CommandLine.parse(List.of("demo", "--data=data/in")))
                .isEqualTo(new Command.RunDemo(Optional.of(Path.of("data/in")), false));
    }

    @Test
    void demoRealReadsTheDatasetsFromTheDefaultFolderOrFromData() {
        assertThat(CommandLine.parse(List.of("demo", "--real"))).isEqualTo(new Command.RunDemo(Optional.empty(), true));
        assertThat(CommandLine.parse(List.of("demo", "--real", "--data", "sets")))
                .isEqualTo(new Command.RunDemo(Optional.of(Path.of("sets")), true));
        assertThat(CommandLine.parse(List.of("demo", "--data=sets", "--real")))
                .isEqualTo(new Command.RunDemo(Optional.of(Path.of("sets")), true));
    }

    @Test
    void theRealFlagTakesNoValueAndIsGivenOnce() {
        assertThatThrownBy(() -> CommandLine.parse(List.of("demo", "--real=yes"))).hasMessage("--real takes no value");
        assertThatThrownBy(() -> CommandLine.parse(List.of("demo", "--real", "--real")))
                .hasMessage("--real is given twice");
        assertThatThrownBy(() -> CommandLine.parse(List.of("demo", "--real", "extra")))
                .hasMessage("demo takes no argument besides --real and --data DIR, got [extra]");
    }

    @Test
    void ingestTakesAFileAndOptionalKindAndFormat() {
        assertThat(CommandLine.parse(List.of("ingest", "conso.csv")))
                .isEqualTo(new Command.Ingest(Path.of("conso.csv"), Optional.empty(), Optional.empty()));
        assertThat(CommandLine.parse(List.of("ingest", "--kind", "weather", "t.csv", "--format=odre-temperature")))
                .isEqualTo(new Command.Ingest(Path.of("t.csv"), Optional.of("weather"), Optional.of("odre-temperature")));
    }

    @Test
    void ingestTakesADuplicatesPolicyAndRefusesAnUnknownOne() {
        assertThat(CommandLine.parse(List.of("ingest", "nab.csv", "--duplicates", "mean")))
                .isEqualTo(new Command.Ingest(Path.of("nab.csv"), Optional.empty(), Optional.empty(),
                        Optional.of("mean")));
        assertThatThrownBy(() -> CommandLine.parse(List.of("ingest", "nab.csv", "--duplicates=newest")))
                .isInstanceOf(UsageException.class)
                .hasMessage("--duplicates must be one of first, last, mean, reject, not 'newest'");
    }

    @Test
    void mistakesAreExplained() {
        assertThatThrownBy(() -> CommandLine.parse(List.of("stack"))).isInstanceOf(UsageException.class)
                .hasMessage("stack needs exactly one of up, down, status");
        assertThatThrownBy(() -> CommandLine.parse(List.of("stack", "start")))
                .hasMessage("stack needs up, down or status, not 'start'");
        assertThatThrownBy(() -> CommandLine.parse(List.of("launch"))).hasMessage("unknown command 'launch'");
        assertThatThrownBy(() -> CommandLine.parse(List.of("up", "now"))).hasMessage("up takes no arguments, got [now]");
        assertThatThrownBy(() -> CommandLine.parse(List.of("ingest"))).hasMessage("ingest needs exactly one FILE, got 0");
        assertThatThrownBy(() -> CommandLine.parse(List.of("ingest", "a.csv", "--kind", "gas")))
                .hasMessage("--kind must be one of consumption, weather, social-movements, not 'gas'");
        assertThatThrownBy(() -> CommandLine.parse(List.of("ingest", "a.csv", "--kind")))
                .hasMessage("--kind needs a value");
        assertThatThrownBy(() -> CommandLine.parse(List.of("demo", "--seed", "7")))
                .hasMessage("demo has no option --seed");
    }
}
