from opinionkit.cli.main import main

raise SystemExit(main())
