package io.energywatch.local;

import java.nio.file.Path;

/** The JDK the command runs on; servers and services are started on the same one (it is 25 or newer). */
public record JavaRuntime(Path home) {

    public static JavaRuntime current() {
        return new JavaRuntime(Path.of(System.getProperty("java.home")));
    }

    public String java() {
        return home.resolve("bin").resolve("java").toString();
    }
}
