module frlocale

go 1.26
