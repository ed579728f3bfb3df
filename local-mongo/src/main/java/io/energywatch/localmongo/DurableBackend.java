package io.energywatch.localmongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

import java.util.Locale;
import java.util.Set;

/**
 * mongo-java-server's H2 backend made durable and bounded: every command that writes commits the MVStore before its
 * answer leaves (plain H2Backend commits in the background, so a kill -9 lost acknowledged writes), and commands that
 * grow the store are refused with MongoDB's OutOfDiskSpace code once {@link StoreGuard} says so. Deletes and drops
 * always go through, so space can be freed. Its collections find a query naming an {@code _id} through the id index
 * ({@link IdNarrowedCollection}).
 */
final class DurableBackend extends H2Backend {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "createindexes",
            "dropindexes", "drop", "dropdatabase", "create", "renamecollection", "aggregate");
    private static final Set<String> GROWING = Set.of("insert", "update", "findandmodify", "createindexes", "create");

    private final MVStore store;
    private final StoreGuard guard;

    DurableBackend(MVStore store, StoreGuard guard) {
        super(store);
        this.store = store;
        this.guard = guard;
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (GROWING.contains(name)) {
            var refusal = guard.refusal();
            if (refusal.isPresent()) {
                throw new MongoServerError(StoreGuard.STORE_FULL_CODE, "OutOfDiskSpace", refusal.get());
            }
        }
        Document answer = super.handleCommand(channel, database, command, query);
        if (WRITES.contains(name)) {
            // Before the answer is sent: an acknowledged write is in the file (it survives a kill of this process).
            store.commit();
        }
        return answer;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getCursorRegistry());
    }

    /**
     * H2Database with {@link IdNarrowedCollection}s, named as H2Database names their maps so existing files open
     * unchanged. An inner class reading H2Backend's own store on purpose: H2Backend's constructor opens the stored
     * databases, and H2Database's the stored collections, before any field of a subclass is set.
     */
    private final class Database extends H2Database {

        Database(String name, CursorRegistry cursors) {
            super(name, getMvStore(), cursors);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String name, CollectionOptions options) {
            String fullName = getFullCollectionNamespace(name);
            MVStore mvStore = getMvStore();
            return new IdNarrowedCollection(this, name, options, mvStore.openMap("databases." + fullName),
                    mvStore.openMap("meta." + fullName), cursorRegistry);
        }
    }
}
