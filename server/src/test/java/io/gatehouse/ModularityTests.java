package io.gatehouse;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module structure holds: no cycles, no reaching into another module's internals. Also draws the diagram. */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(Gatehouse.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void writesTheModuleDiagram() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}
}
