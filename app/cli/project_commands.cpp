#include <iostream>

#include <CLI/CLI.hpp>

#include "commands.h"
#include "store/project.h"

namespace ft::cli {

void registerProjectCommands(CLI::App& app) {
    auto* project = app.add_subcommand("project", "Create and inspect projects");
    project->require_subcommand(1);

    auto* init = project->add_subcommand("init", "Create a project folder (project.db, runs/, exports/)");
    static std::string dir;
    init->add_option("DIR", dir, "Folder to create the project in")->required();
    init->callback([] {
        store::Project p = store::Project::create(dir);
        std::cout << "Created project " << p.dir() << " (" << p.databasePath() << ", schema v"
                  << p.schemaVersion() << ")\n";
    });
}

}  // namespace ft::cli
