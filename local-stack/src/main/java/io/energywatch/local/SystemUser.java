package io.energywatch.local;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The unprivileged system user Elasticsearch runs as when the command runs as root, since Elasticsearch refuses root. */
record SystemUser(String name) {

    static boolean currentIsRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** Creates the user (no home, no login shell) unless it exists. */
    void ensureExists() {
        if (lookup().isPresent()) {
            return;
        }
        List<String> command = List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes()).strip();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0 || lookup().isEmpty()) {
                throw new StackException("cannot create the system user '" + name + "' that Elasticsearch runs as"
                        + " (it refuses to run as root): " + String.join(" ", command) + " said: " + output);
            }
        } catch (IOException e) {
            throw new StackException("cannot run useradd to create the system user '" + name + "' that Elasticsearch"
                    + " runs as (it refuses to run as root): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while creating the system user '" + name + "'");
        }
    }

    /** Hands a folder tree to the user, so the server may write its data, logs and keystore there. */
    void own(Path directory) throws IOException {
        UserPrincipalLookupService lookup = FileSystems.getDefault().getUserPrincipalLookupService();
        UserPrincipal user = lookup.lookupPrincipalByName(name);
        GroupPrincipal group;
        try {
            group = lookup.lookupPrincipalByGroupName(name);
        } catch (UserPrincipalNotFoundException e) {
            group = null;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                var view = Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
                view.setOwner(user);
                if (group != null) {
                    view.setGroup(group);
                }
            }
        }
    }

    boolean owns(Path path) throws IOException {
        return Files.getOwner(path).getName().equals(name);
    }

    private Optional<UserPrincipal> lookup() {
        try {
            return Optional.of(FileSystems.getDefault().getUserPrincipalLookupService()
                    .lookupPrincipalByName(name));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
