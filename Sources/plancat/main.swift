import PlanCatalogCLI

PlanCatalogCLI.main()
