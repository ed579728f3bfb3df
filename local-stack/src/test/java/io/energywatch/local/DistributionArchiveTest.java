package io.energywatch.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DistributionArchiveTest {

    @TempDir
    Path temp;

    @Test
    void unpacksOnceKeepingTheExecutableBitOfScripts() throws IOException {
        Path zip = temp.resolve("server.zip");
        try (var archive = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()),
                Map.of("create", "true", "enablePosixFileAttributes", "true"))) {
            Path bin = Files.createDirectories(archive.getPath("/server-1.0/bin"));
            Files.writeString(bin.resolve("start"), "#!/bin/sh\necho started\n");
            Files.setPosixFilePermissions(bin.resolve("start"), PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.writeString(archive.getPath("/server-1.0/README"), "read me");
            Files.setPosixFilePermissions(archive.getPath("/server-1.0/README"), PosixFilePermissions.fromString("rw-r--r--"));
        }

        Path home = DistributionArchive.unpackOnce(zip, temp.resolve("out"));

        assertThat(home).isEqualTo(temp.resolve("out/server-1.0"));
        assertThat(Files.isExecutable(home.resolve("bin/start"))).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("README"))))
                .isEqualTo("rw-r--r--");
        Files.writeString(home.resolve("README"), "changed by the server");
        assertThat(DistributionArchive.unpackOnce(zip, temp.resolve("out"))).isEqualTo(home);
        assertThat(home.resolve("README")).hasContent("changed by the server");
    }
}
