package io.energywatch.local;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.OptionalLong;

/**
 * The file holding the pid of a server this command started. Empty or garbled content counts as no pid, so a file
 * left by a crash never blocks a restart.
 */
public record PidFile(Path path) {

    public OptionalLong read() {
        try {
            String text = Files.readString(path).strip();
            long pid = text.isEmpty() ? 0 : Long.parseLong(text);
            return pid > 0 ? OptionalLong.of(pid) : OptionalLong.empty();
        } catch (NoSuchFileException | NumberFormatException | CharacterCodingException e) {
            return OptionalLong.empty();
        } catch (IOException e) {
            throw new StackException("cannot read pid file " + path + ": " + e.getMessage(), e);
        }
    }

    public boolean exists() {
        return Files.exists(path);
    }

    /** Writes through a temporary file so a reader never sees half a number. */
    public void write(long pid) {
        Path temporary = path.resolveSibling(path.getFileName() + ".tmp");
        try {
            Files.createDirectories(path.getParent());
            Files.writeString(temporary, pid + "\n");
            try {
                Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new StackException("cannot write pid file " + path + ": " + e.getMessage(), e);
        }
    }

    public void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new StackException("cannot delete pid file " + path + ": " + e.getMessage(), e);
        }
    }
}
