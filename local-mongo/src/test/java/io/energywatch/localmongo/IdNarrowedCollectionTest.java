package io.energywatch.localmongo;

import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which queries the id index narrows: only those every match of which must meet a condition on _id. */
class IdNarrowedCollectionTest {

    @Test
    void anIdBesideOtherFieldsOrInATopLevelAndIsTheConditionTheIndexNarrowsBy() {
        assertThat(IdNarrowedCollection.idConjunct(new Document("_id", "b-7").append("v", 3)))
                .contains(new Document("_id", "b-7"));
        Document in = new Document("$in", List.of("b-1", "b-2"));
        assertThat(IdNarrowedCollection.idConjunct(new Document("$and", List.of(new Document("_id", in),
                new Document("v", 3))))).contains(new Document("_id", in));
    }

    @Test
    void anIdAloneOrOnlyOneBranchOfAnOrIsLeftToThePlainPath() {
        assertThat(IdNarrowedCollection.idConjunct(new Document("_id", "b-7"))).isEmpty();
        assertThat(IdNarrowedCollection.idConjunct(new Document("$or", List.of(new Document("_id", "b-7"),
                new Document("v", 3))))).isEmpty();
        assertThat(IdNarrowedCollection.idConjunct(new Document("$and", List.of(new Document("_id", "b-7")
                .append("v", 3))))).isEmpty();
        assertThat(IdNarrowedCollection.idConjunct(new Document("v", 3))).isEmpty();
    }
}
