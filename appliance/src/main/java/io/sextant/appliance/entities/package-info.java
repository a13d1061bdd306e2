/**
 * Named entities and their co-occurrence relations across the corpus: people, organizations, places, equipment and
 * dates found by a rule- and gazetteer-based {@link io.sextant.appliance.entities.EntityExtractor} (no model), stored
 * as mentions of passages by {@link io.sextant.appliance.entities.EntityIndexer} (a follower of the passage index) in
 * {@link io.sextant.appliance.entities.EntityStore}, and read only through
 * {@link io.sextant.appliance.entities.EntityService}, which trims every list, count, relation and citation to the
 * passages the requesting user may see and rolls their markings up into the banner.
 *
 * <p>A relation is two entities mentioned in one passage; it cites those passages and exists for a user only while at
 * least one of them is visible to that user. An entity seen only in passages above the user's access does not exist
 * for them: its id answers exactly like an unknown one.
 */
package io.sextant.appliance.entities;
