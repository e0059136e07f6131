import PlanCatalogCLI
PlanCatalogCLI.main()
