package io.energywatch.local;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Unpacks a server distribution zip once, keeping each entry's Unix permissions so that {@code bin/} scripts stay
 * executable. It reads the zip through the JDK's zip file system: {@code java.util.zip.ZipEntry} does not expose the
 * Unix mode, the zip file system does ({@code enablePosixFileAttributes}).
 */
final class DistributionArchive {

    /** Written last, so a half-unpacked folder (an interrupted first start) is unpacked again. */
    static final String UNPACKED_MARKER = ".energywatch-unpacked";

    private DistributionArchive() {
    }

    /** Unpacks {@code zip} into {@code target} unless done before; returns the distribution's top-level folder. */
    static Path unpackOnce(Path zip, Path target) throws IOException {
        if (!Files.isRegularFile(zip)) {
            throw new StackException("distribution " + zip + " is missing: build it with"
                    + " ./mvnw -pl local-stack -am install -DskipTests");
        }
        Path base = target.toAbsolutePath().normalize();
        try (FileSystem archive = FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", "true"))) {
            Path root = archive.getPath("/");
            Path home = base.resolve(topFolder(archive, zip));
            if (Files.exists(home.resolve(UNPACKED_MARKER))) {
                return home;
            }
            deleteTree(home);
            Files.createDirectories(base);
            var directories = new ArrayList<Path>();
            try (Stream<Path> entries = Files.walk(root)) {
                for (Path entry : (Iterable<Path>) entries::iterator) {
                    Path destination = base.resolve(root.relativize(entry).toString()).normalize();
                    if (!destination.startsWith(base)) {
                        throw new StackException("zip entry " + entry + " of " + zip + " points outside " + base);
                    }
                    if (entry.equals(root)) {
                        continue;
                    }
                    if (Files.isDirectory(entry)) {
                        Files.createDirectories(destination);
                        directories.add(entry);
                    } else {
                        Files.copy(entry, destination, StandardCopyOption.REPLACE_EXISTING);
                        applyPermissions(entry, destination);
                    }
                }
            }
            // Directories last: a read-only directory would refuse the files copied into it.
            for (Path directory : directories.reversed()) {
                applyPermissions(directory, base.resolve(root.relativize(directory).toString()));
            }
            Files.writeString(home.resolve(UNPACKED_MARKER), zip.toAbsolutePath() + "\n");
            return home;
        }
    }

    private static String topFolder(FileSystem archive, Path zip) throws IOException {
        try (Stream<Path> top = Files.list(archive.getPath("/"))) {
            List<Path> entries = top.toList();
            if (entries.size() != 1 || !Files.isDirectory(entries.getFirst())) {
                throw new StackException(zip + " does not hold a single top-level folder");
            }
            return entries.getFirst().getFileName().toString().replace("/", "");
        }
    }

    private static void applyPermissions(Path entry, Path destination) throws IOException {
        Set<PosixFilePermission> permissions = Files.readAttributes(entry, PosixFileAttributes.class).permissions();
        if (!permissions.isEmpty() && Files.getFileAttributeView(destination, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(destination, permissions);
        }
    }

    static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
