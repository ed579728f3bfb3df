package io.energywatch.service.stores;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;

import java.util.Optional;

/** MongoDB driver exceptions; loaded only when the driver is on the classpath. */
final class MongoFailures {

    /** MongoDB's OutOfDiskSpace: the server refuses writes past its storage limit. */
    static final int OUT_OF_DISK_SPACE = 14031;

    private MongoFailures() {
    }

    static Optional<StoreFailure> full(Throwable t) {
        if (!(t instanceof MongoException e)) {
            return Optional.empty();
        }
        boolean full = switch (e) {
            case MongoBulkWriteException bulk -> bulk.getWriteErrors().stream()
                    .mapToInt(BulkWriteError::getCode).anyMatch(code -> code == OUT_OF_DISK_SPACE);
            case MongoWriteException write -> write.getError().getCode() == OUT_OF_DISK_SPACE;
            case MongoCommandException command -> command.getErrorCode() == OUT_OF_DISK_SPACE;
            default -> e.getCode() == OUT_OF_DISK_SPACE;
        };
        if (!full) {
            return Optional.empty();
        }
        String reason = e instanceof MongoBulkWriteException bulk ? bulk.getWriteErrors().stream()
                .filter(err -> err.getCode() == OUT_OF_DISK_SPACE).findFirst().map(BulkWriteError::getMessage)
                .orElse(e.getMessage()) : e instanceof MongoWriteException write ? write.getError().getMessage()
                : e instanceof MongoCommandException command ? command.getErrorMessage() : e.getMessage();
        return Optional.of(StoreFailure.full(Store.MONGODB, "the write was refused (" + reason + ")"));
    }

    static Optional<StoreFailure> unavailable(Throwable t) {
        return switch (t) {
            case MongoTimeoutException e -> Optional.of(StoreFailure.unavailable(Store.MONGODB,
                    "no server answered before the server selection timeout"));
            case MongoSocketException e -> Optional.of(StoreFailure.unavailable(Store.MONGODB,
                    "the connection to " + e.getServerAddress() + " failed (" + StoreFailures.describe(e) + ")"));
            default -> StoreFailures.isA(t, "com.mongodb.MongoServerUnavailableException")
                    || StoreFailures.isA(t, "com.mongodb.MongoConnectionPoolClearedException")
                    ? Optional.of(StoreFailure.unavailable(Store.MONGODB, StoreFailures.describe(t)))
                    : Optional.empty();
        };
    }
}
